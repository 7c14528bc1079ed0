// Unit tests of web/js/query-words.js, which decides what the article view marks: pure functions,
// run by node alone (no browser, no server), so the tricky cases are cheap to list.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  diacriticSignature, foldPhrase, foldWord, markedSegments, queryHighlightTerms, withAccentsFromPhrases,
} from '../../web/js/query-words.js';

// `text` with the marked words in [brackets].
function marked(query, text, { learnFrom = null } = {}) {
  let terms = queryHighlightTerms(query);
  if (learnFrom) terms = withAccentsFromPhrases(terms, learnFrom);
  const segments = markedSegments(text, terms);
  assert.equal(segments.map((segment) => segment.text).join(''), text, 'the segments join back to the text');
  return segments.map((segment) => (segment.marked ? `[${segment.text}]` : segment.text)).join('');
}

test('folding: case, accents, đ, NFD, and i/y after h k l m s t v qu', () => {
  assert.equal(foldWord('Trần'), 'tran');
  assert.equal(foldWord('ĐẢNG'), 'dang');
  assert.equal(foldWord('Trần'.normalize('NFD')), 'tran');
  assert.equal(foldWord('kì'), 'ky');
  assert.equal(foldWord('Lý'), 'ly');
  assert.equal(foldWord('lí'), 'ly');
  assert.equal(foldWord('bi'), 'bi');
  assert.equal(foldPhrase('Bộ  Chính trị,'), 'bo chinh tri');
});

test('the diacritic signature ignores where the tone mark sits', () => {
  assert.equal(diacriticSignature('hoà'), diacriticSignature('hòa'));
  assert.equal(diacriticSignature('thuỷ'), diacriticSignature('thủy'));
  assert.notEqual(diacriticSignature('học'), diacriticSignature('hóc'));
  assert.notEqual(diacriticSignature('dang'), diacriticSignature('đang'));
  assert.equal(diacriticSignature('hoc'), '');
});

test('a query without diacritics marks every accent; with them, exactly those', () => {
  assert.equal(marked('tran binh trong', 'Đồng chí Trần Bình Trọng, TRẦN'), 'Đồng chí [Trần] [Bình] [Trọng], [TRẦN]');
  assert.equal(marked('học', 'Khoa học, hóc búa, HỌC, hoc'), 'Khoa [học], hóc búa, [HỌC], hoc');
  // One accented word puts the whole query in the exact space, as the search does.
  assert.equal(marked('Trần binh', 'Trần Bình binh'), '[Trần] Bình [binh]');
  assert.equal(marked('hòa', 'hoà bình, hòa, hoa'), '[hoà] bình, [hòa], hoa');
  const decomposed = 'Đảng'.normalize('NFD');
  assert.equal(marked('dang', `${decomposed} uỷ`), `[${decomposed}] uỷ`);
});

test('query syntax: exclusions, operators, fields, phrases, prefixes, codes', () => {
  assert.equal(marked('dang -bo', 'Đảng bộ đảng'), '[Đảng] bộ [đảng]');
  assert.equal(marked('dang NOT bo', 'Đảng bộ'), '[Đảng] bộ');
  assert.equal(marked('x NOT (cong nghe) OR y', 'x công nghệ y'), '[x] công nghệ [y]');
  assert.equal(marked('x AND y', 'x AND y'), '[x] AND [y]');
  assert.equal(marked('title:"khoa hoc" person:tran', 'Khoa học Trần'), '[Khoa] [học] [Trần]');
  assert.equal(marked('ki*', 'kì họp, kỳ, kinh'), '[kì] họp, kỳ, [kinh]');
  assert.equal(marked('Trầ*', 'Trần, Trầm, Tra'), '[Trần], [Trầm], Tra');
  assert.equal(marked('2022-2025', 'nhiệm kỳ 2022 – 2025'), 'nhiệm kỳ [2022] – [2025]');
  assert.equal(marked('"unclosed (', 'unclosed'), '[unclosed]');
  assert.equal(marked('', 'nothing to mark'), 'nothing to mark');
  assert.equal(marked('-only', 'only'), 'only');
});

test('side by side in the text, a query without accents takes the accents found there', () => {
  const text = 'Đồng chí Trần Bình Trọng nói trong hội nghị; trọng tâm.';
  assert.equal(marked('tran binh trong', text, { learnFrom: [text] }),
    'Đồng chí [Trần] [Bình] [Trọng] nói trong hội nghị; [trọng] tâm.');
  // Without the words side by side in that order, every accent is marked.
  assert.equal(marked('trong binh', text, { learnFrom: [text] }),
    'Đồng chí Trần [Bình] [Trọng] nói [trong] hội nghị; [trọng] tâm.');
  // One word alone says nothing about which accents are meant.
  assert.equal(marked('trong', text, { learnFrom: [text] }),
    'Đồng chí Trần Bình [Trọng] nói [trong] hội nghị; [trọng] tâm.');
  // Learned from the title, applied to the body.
  assert.equal(marked('khoa hoc', 'hóc búa, khoa học', { learnFrom: ['Khoa học'] }), 'hóc búa, [khoa] [học]');
});

test('markedSegments keeps the original text, however odd', () => {
  const text = '<b>Trần</b> & "Trần" \u00a0 Trần\n';
  assert.deepEqual(markedSegments(text, queryHighlightTerms('tran')), [
    { text: '<b>', marked: false },
    { text: 'Trần', marked: true },
    { text: '</b> & "', marked: false },
    { text: 'Trần', marked: true },
    { text: '" \u00a0 ', marked: false },
    { text: 'Trần', marked: true },
    { text: '\n', marked: false },
  ]);
  assert.deepEqual(markedSegments('', queryHighlightTerms('tran')), []);
});
