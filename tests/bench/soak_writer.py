#!/usr/bin/env python3
"""soak_writer: the writer of the soak (soak.sh). Posts articles from the benchmark corpus as
JSON (ids soak/NNNN) at an even pace over the soak, deletes every tenth one a little later, and
prints what was acknowledged as JSON: {"posted": [ids], "deleted": [ids], "statuses": {...}}.
Usage: soak_writer.py PORT TOKEN CORPUS_DIR POSTS DELETES SECONDS"""
import http.client
import json
import os
import sys
import time

port, token, corpus = int(sys.argv[1]), sys.argv[2], sys.argv[3]
posts, deletes, seconds = int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
files = sorted(f for f in os.listdir(corpus) if f.endswith(".txt"))[:posts]
connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
statuses, posted, deleted = {}, [], []


def send(method, path, body=None):
    global connection
    for attempt in range(3):
        try:
            connection.request(method, path, body=body, headers=headers)
            answer = connection.getresponse()
            answer.read()
            statuses[str(answer.status)] = statuses.get(str(answer.status), 0) + 1
            return answer.status
        except (http.client.HTTPException, OSError):
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    statuses["no answer"] = statuses.get("no answer", 0) + 1
    return 0


started = time.monotonic()
every = max(1, posts // max(1, deletes))
for n, name in enumerate(files):
    pause = started + seconds * n / posts - time.monotonic()
    if pause > 0:
        time.sleep(pause)
    with open(os.path.join(corpus, name), encoding="utf-8") as article:
        title, _, body = article.read().partition("\n")
    article_id = "soak/%04d" % n
    document = {"id": article_id, "title": title.strip(), "body": body.strip() or title}
    if send("POST", "/api/articles", json.dumps(document, ensure_ascii=False).encode()) == 201:
        posted.append(article_id)
    # Once in `every` posts, delete one posted a few posts before.
    if (n + 1) % every == 0 and len(deleted) < deletes:
        victim = "soak/%04d" % (n - every // 2)
        if victim in posted and send("DELETE", "/api/articles/" + victim) == 204:
            deleted.append(victim)
print(json.dumps({"posted": posted, "deleted": deleted, "statuses": statuses}))
