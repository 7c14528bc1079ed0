// Vietnamese display formats for numbers and dates. Pure functions.

const countFormat = new Intl.NumberFormat('vi-VN');
const millisecondsFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

// 12345 → "12.345".
export function formatCount(count) {
  return countFormat.format(Number(count) || 0);
}

// 0.4 → "0,4".
export function formatMilliseconds(milliseconds) {
  return millisecondsFormat.format(Number(milliseconds) || 0);
}

// "2022-09-27" → "27/09/2022"; with a time, "27/09/2022 19:45". Other text as is.
export function formatDate(isoDate) {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(isoDate || '');
  if (!match) return isoDate || '';
  const [, year, month, day, hour, minute] = match;
  const datePart = `${day}/${month}/${year}`;
  return hour ? `${datePart} ${hour}:${minute}` : datePart;
}
