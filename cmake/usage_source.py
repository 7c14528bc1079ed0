# usage_source: reads a binary's usage source (indexer/vnsearch-index.usage,
# searchd/vnsearchd.usage), the one text its --help and its man page are both made from.
"""The format of a usage source.

    # comment                  lines starting with # are skipped
    name: PROGRAM              header lines, before the first section
    summary: WHAT IT DOES      the man page's NAME line

    [usage]                    one synopsis a line
    [description]              what the program does
    [options]                  the options, as a list
    [exit status]              any other section: --help shows it under "Exit status:"
    [man files]                a section whose name starts with "man " is in the man page only

Inside a section, blank lines separate blocks. A block is
  - a list when its first line is at column 0 and other lines are indented: each line at
    column 0 is a term (an option, an exit status, a file) and the indented lines under it
    are its description;
  - an example when its first line is indented: shown as written, without the indent;
  - else a paragraph.
Line breaks are kept in --help; the man page refills the text.
"""

import re
import sys
from dataclasses import dataclass, field


@dataclass
class Block:
    kind: str  # "paragraph", "list" or "example"
    lines: list = field(default_factory=list)  # a paragraph's or an example's lines
    items: list = field(default_factory=list)  # a list's (term, [description lines])


@dataclass
class Section:
    title: str  # as written in the brackets, without "man "
    man_only: bool
    blocks: list = field(default_factory=list)


@dataclass
class UsageSource:
    path: str
    name: str
    summary: str
    sections: list

    def section(self, title):
        for section in self.sections:
            if section.title == title:
                return section
        return None


class UsageSourceError(Exception):
    pass


def _block_of(path, first_line_number, lines):
    if lines[0].startswith(" "):
        indent = min(len(line) - len(line.lstrip(" ")) for line in lines)
        return Block("example", lines=[line[indent:] for line in lines])
    if not any(line.startswith(" ") for line in lines):
        return Block("paragraph", lines=lines)
    block = Block("list")
    for offset, line in enumerate(lines):
        if line.startswith(" "):
            block.items[-1][1].append(line.strip())
        elif block.items and not block.items[-1][1]:
            raise UsageSourceError(
                f"{path}:{first_line_number + offset}: the list item "
                f"'{block.items[-1][0]}' has no description: indent one under it"
            )
        else:
            block.items.append((line.strip(), []))
    if not block.items[-1][1]:
        raise UsageSourceError(
            f"{path}: the list item '{block.items[-1][0]}' has no description: indent one under it"
        )
    return block


def read_usage_source(path):
    """Parses the usage source at `path`; raises UsageSourceError naming the line at fault."""
    with open(path, encoding="utf-8") as source:
        text_lines = source.read().splitlines()
    headers = {}
    sections = []
    pending = []  # (line number, line) of the block being read

    def end_block():
        if pending:
            sections[-1].blocks.append(
                _block_of(path, pending[0][0], [line for _, line in pending])
            )
            pending.clear()

    for number, line in enumerate(text_lines, start=1):
        line = line.rstrip()
        if line.startswith("#"):
            continue
        heading = re.fullmatch(r"\[(man )?([a-z ]+)\]", line)
        if heading:
            if sections:
                end_block()
            sections.append(Section(heading.group(2), heading.group(1) is not None))
        elif not sections:
            if not line:
                continue
            header = re.fullmatch(r"([a-z]+): (.+)", line)
            if not header:
                raise UsageSourceError(
                    f"{path}:{number}: expected 'name: …' or 'summary: …' before the first "
                    f"[section], not: {line}"
                )
            headers[header.group(1)] = header.group(2)
        elif not line:
            end_block()
        else:
            pending.append((number, line))
    if sections:
        end_block()
    for required in ("name", "summary"):
        if required not in headers:
            raise UsageSourceError(f"{path}: no '{required}: …' line at the top")
    for required in ("usage", "description", "options"):
        if not any(s.title == required and not s.man_only for s in sections):
            raise UsageSourceError(f"{path}: no [{required}] section")
    return UsageSource(path, headers["name"], headers["summary"], sections)


def read_or_exit(path):
    """read_usage_source, printing the error and exiting with status 1 on failure."""
    try:
        return read_usage_source(path)
    except (OSError, UsageSourceError) as error:
        sys.exit(f"usage source: {error}")
