// Query words in text: which words of a search query to mark, and where they occur in a text.
// Pure functions, no DOM: the article view and the suggestion list render the segments.
//
// The search's rule (README "Analysis", searchd/query_builder.h) is followed so that what is
// marked is what matched: a query typed without any diacritic matches every accent ("tran" marks
// "Trần"); a query with any diacritic means exactly the diacritics typed, for every word ("học"
// marks "Học" but not "hóc"). Case never matters, nor does NFC/NFD, nor where the tone mark sits
// ("hoà" = "hòa"): words are compared by their letters without marks plus the set of their marks.
// The server's other equivalences (abbreviations such as KH&CN) are not reproduced here.

// A word: a letter or digit, then letters, digits and combining marks (NFD text keeps its marks).
const WORD_PATTERN = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
const COMBINING_MARK = /\p{M}/gu;
const QUERY_FIELDS = new Set(['title', 'person', 'unit', 'term']);
const QUERY_OPERATORS = new Set(['AND', 'OR']);
// README "Tone placement convention": a lone i after these is written y (kì = kỳ, lí = lý).
const LONE_I_AS_Y = /^(h|k|l|m|s|t|v|qu)i$/;

// "Trần" → "tran", "Đảng" → "dang", "kì" → "ky": lower case, no marks, đ → d, i/y unified.
export function foldWord(word) {
  return foldLetters(word).replace(LONE_I_AS_Y, '$1y');
}

// A name compared without case, accents or punctuation: "Bộ Chính  trị" → "bo chinh tri".
export function foldPhrase(text) {
  return (String(text || '').match(WORD_PATTERN) || []).map(foldWord).join(' ');
}

// foldWord without the i/y rule, for prefixes: "ki*" is the start of "kinh", not of "ky…".
function foldLetters(word) {
  return word.toLowerCase().normalize('NFD').replace(COMBINING_MARK, '').replace(/[đð]/g, 'd');
}

// The word's diacritics, wherever they sit: "hoà" and "hòa" give the same signature, "học" and
// "hóc" different ones. "" for a word without any.
export function diacriticSignature(word) {
  const decomposed = word.toLowerCase().normalize('NFD');
  const marks = decomposed.match(COMBINING_MARK) || [];
  if (/[đð]/.test(decomposed)) marks.push('đ');
  return marks.sort().join('');
}

function hasDiacritics(word) {
  return diacriticSignature(word) !== '';
}

// The items of a query in order, each {text, negated}: the syntax of searchd/query_parser.h,
// read leniently (an unclosed quote or parenthesis ends at the end), since the only aim here is
// to know which words the reader looks for. Operators and field names are dropped; words that
// are excluded (-word, NOT word, -(…), NOT "…") are marked negated.
function queryItems(query) {
  const items = [];
  const negatedGroups = []; // for each open parenthesis, whether it is excluded
  let negateNext = false;
  let position = 0;
  const insideNegatedGroup = () => negatedGroups.includes(true);
  while (position < query.length) {
    const character = query[position];
    if (/\s/.test(character)) {
      position += 1;
    } else if (character === '(') {
      negatedGroups.push(negateNext);
      negateNext = false;
      position += 1;
    } else if (character === ')') {
      negatedGroups.pop();
      position += 1;
    } else if (character === '"') {
      const closing = query.indexOf('"', position + 1);
      const end = closing === -1 ? query.length : closing;
      items.push({ text: query.slice(position + 1, end), negated: negateNext || insideNegatedGroup() });
      negateNext = false;
      position = end + 1;
    } else {
      let end = position;
      while (end < query.length && !/[\s()"]/.test(query[end])) end += 1;
      let chunk = query.slice(position, end);
      position = end;
      if (chunk === 'NOT') {
        negateNext = true;
        continue;
      }
      if (QUERY_OPERATORS.has(chunk)) continue;
      if (chunk.startsWith('-') || chunk.startsWith('+')) {
        if (chunk.startsWith('-')) negateNext = true;
        chunk = chunk.slice(1);
      }
      const field = /^([a-z]+):/.exec(chunk);
      if (field && QUERY_FIELDS.has(field[1])) chunk = chunk.slice(field[0].length);
      // "-", "title:" before a quote or parenthesis: the sign applies to what follows.
      if (chunk === '') continue;
      items.push({ text: chunk, negated: negateNext || insideNegatedGroup() });
      negateNext = false;
    }
  }
  return items;
}

// What to mark for `query`: {exact, words: [{folded, signature, prefix}], sequence}. `exact` is
// true when the query has any diacritic (then a word matches only with the same diacritics).
// Words the query excludes are left out. An empty `words` means nothing to mark. `sequence` is
// the folded whole words in the order typed, for withAccentsFromPhrases.
export function queryHighlightTerms(query) {
  const words = [];
  const sequence = [];
  const seen = new Set();
  let exact = false;
  for (const item of queryItems(String(query || ''))) {
    const itemWords = item.text.match(WORD_PATTERN) || [];
    if (itemWords.some(hasDiacritics)) exact = true;
    if (item.negated) continue;
    itemWords.forEach((word, index) => {
      const prefix = index === itemWords.length - 1 && item.text.trimEnd().endsWith('*');
      const folded = prefix ? foldLetters(word) : foldWord(word);
      if (!prefix) sequence.push(folded);
      const term = { folded, signature: diacriticSignature(word), prefix };
      const key = `${term.folded}|${term.signature}|${term.prefix}`;
      if (!seen.has(key)) {
        seen.add(key);
        words.push(term);
      }
    });
  }
  return { exact, words, sequence };
}

// A query typed without accents is ambiguous: "tran binh trong" is "Trần Bình Trọng", but its
// "trong" is also the everyday word "trong" (in), which would then be marked all over the text.
// When `texts` hold the query's words side by side in the order typed, the accents they carry
// there are taken as the ones meant, and `terms` (from queryHighlightTerms) are narrowed to
// words with those accents; without such a run, or for a one-word or accented query, `terms`
// are returned unchanged.
export function withAccentsFromPhrases(terms, texts) {
  const { sequence } = terms;
  if (terms.exact || sequence.length < 2) return terms;
  const signaturesByWord = new Map(sequence.map((folded) => [folded, new Set()]));
  let runFound = false;
  for (const text of texts) {
    const tokens = String(text || '').match(WORD_PATTERN) || [];
    const foldedTokens = tokens.map(foldWord);
    for (let start = 0; start + sequence.length <= tokens.length; start += 1) {
      if (!sequence.every((folded, offset) => foldedTokens[start + offset] === folded)) continue;
      runFound = true;
      sequence.forEach((folded, offset) => signaturesByWord.get(folded).add(diacriticSignature(tokens[start + offset])));
    }
  }
  if (!runFound) return terms;
  return {
    ...terms,
    words: terms.words.map((word) =>
      (word.prefix || !signaturesByWord.has(word.folded) ? word : { ...word, signatures: signaturesByWord.get(word.folded) })),
  };
}

// The first `letterCount` letters of `word` with their marks, in NFD: "Trần", 3 → "Trầ".
function leadingLetters(word, letterCount) {
  let letters = 0;
  let end = 0;
  const decomposed = word.normalize('NFD');
  for (const character of decomposed) {
    if (!/\p{M}/u.test(character)) {
      if (letters === letterCount) break;
      letters += 1;
    }
    end += character.length;
  }
  return decomposed.slice(0, end);
}

function wordMatches(word, terms) {
  const folded = foldWord(word);
  return terms.words.some((term) => {
    if (term.prefix) {
      if (!foldLetters(word).startsWith(term.folded)) return false;
      // A prefix keeps the diacritics typed: "Trầ*" marks "Trần" and "Trầm", not "Tra…".
      return !terms.exact || diacriticSignature(leadingLetters(word, term.folded.length)) === term.signature;
    }
    if (folded !== term.folded) return false;
    if (terms.exact) return diacriticSignature(word) === term.signature;
    return !term.signatures || term.signatures.has(diacriticSignature(word));
  });
}

// Splits `text` into [{text, marked}] segments, in order, that join back to `text` exactly;
// a segment is marked when it is a word of `terms` (from queryHighlightTerms). Adjacent marked
// words stay separate segments, so each renders as its own <mark>.
export function markedSegments(text, terms) {
  const source = String(text || '');
  if (!terms || terms.words.length === 0) return source ? [{ text: source, marked: false }] : [];
  const segments = [];
  let plainStart = 0;
  for (const match of source.matchAll(WORD_PATTERN)) {
    if (!wordMatches(match[0], terms)) continue;
    if (match.index > plainStart) segments.push({ text: source.slice(plainStart, match.index), marked: false });
    segments.push({ text: match[0], marked: true });
    plainStart = match.index + match[0].length;
  }
  if (plainStart < source.length) segments.push({ text: source.slice(plainStart), marked: false });
  return segments;
}
