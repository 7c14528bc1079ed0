// Role facts (from /api/persons/{name} and /api/units/{name}) arranged for reading: grouped by
// term, newest first as the API lists them, facts with no term last; within a term, the same
// role reported by several articles is one row listing all of them. Pure functions, no DOM.

import { foldPhrase } from './query-words.js';

// [{term, facts}] in the order `facts` first name each term, the term "" (unknown) last.
export function groupByTerm(facts) {
  const groups = new Map();
  for (const fact of facts) {
    const term = fact.term || '';
    if (!groups.has(term)) groups.set(term, []);
    groups.get(term).push(fact);
  }
  const ordered = [...groups].filter(([term]) => term !== '');
  if (groups.has('')) ordered.push(['', groups.get('')]);
  return ordered.map(([term, termFacts]) => ({ term, facts: termFacts }));
}

// One row per distinct `fieldsOf(fact)` (names compared without case or accents, as the API's
// spellings may differ), in the order first met: the first fact's fields, `elected` when any
// article reports the election, and `articles`, every article reporting it, once each.
export function mergedRows(facts, fieldsOf) {
  const rows = new Map();
  for (const fact of facts) {
    const key = fieldsOf(fact).map(foldPhrase).join('\u0000');
    let row = rows.get(key);
    if (!row) {
      row = { ...fact, elected: false, articles: [] };
      delete row.article;
      rows.set(key, row);
    }
    row.elected = row.elected || Boolean(fact.elected);
    if (fact.article && !row.articles.some((article) => article.id === fact.article.id)) {
      row.articles.push(fact.article);
    }
  }
  return [...rows.values()];
}

// A person's roles ({role, unit, term, elected, article}) as [{term, rows}]: one row per role
// and unit in each term.
export function personTimeline(roles) {
  return groupByTerm(roles).map(({ term, facts }) => ({
    term,
    rows: mergedRows(facts, (fact) => [fact.role, fact.unit]),
  }));
}

// A unit's leadership ([{term, roles: [{person, role, elected, article}]}]) as [{term, rows}]:
// one row per person and role in each term.
export function leadershipRows(leadership) {
  return leadership.map(({ term, roles }) => ({
    term: term || '',
    rows: mergedRows(Array.isArray(roles) ? roles : [], (fact) => [fact.person, fact.role]),
  }));
}

// "Nhiệm kỳ 2022-2025", or what a fact with no term is filed under.
export function termHeading(term) {
  return term ? `Nhiệm kỳ ${term}` : 'Không rõ nhiệm kỳ';
}
