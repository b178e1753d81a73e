/** Issue dates after a reference. */
import { describe, expect, it } from 'vitest';
import { DATE_PARSERS, chronoDate, isoDate, issueDateAfter, parseDateAt } from '../../src/refs/dates.js';

describe('issueDateAfter', () => {
  it.each([
    [' ngày 27/9/2019 của', '2019-09-27', true],
    [', ngày 27/9/2019', '2019-09-27', true],
    [' ngày 01 tháng 4 năm 2025', '2025-04-01', true],
    [' ngày 22\ntháng 12 năm 2024', '2024-12-22', true],
    [' ngày \n\n18/11/2025 về', '2025-11-18', true],
    [' ngày 27-9-2019', '2019-09-27', true],
    [' ngày 27.9.2019', '2019-09-27', true],
    [' ngay 27 thang 9 nam 2019', '2019-09-27', true],
    [' NGÀY 22/12/2024', '2024-12-22', true],
    [' Ngày: 29/9/2023', '2023-09-29', true],
    [' ngày ngày 14/5/2010', '2010-05-14', true],
    // Read as meant, flagged inexact.
    [' này 26/5/2025', '2025-05-26', false],
    [' ngày 13/72024', '2024-07-13', false],
    [' ngdy 15 thdng 9 ndm 2023', '2023-09-15', false],
    // A footnote marker glued to the year.
    [' ngày 05/8/20259.', '2025-08-05', true],
  ])('%j → %s', (s, iso, exact) => {
    const d = issueDateAfter(s, 0)!;
    expect(d).not.toBeNull();
    expect(d.iso).toBe(iso);
    expect(d.exact).toBe(exact);
    expect(s.slice(d.start, d.end)).toMatch(/^\d/);
  });

  it.each([
    ' 27/9/2019', // no cue word: a date alone
    ' ngày 31/2/2020', // no such day
    ' ngày    tháng 11 năm 2025', // a draft's blank day
    ' từ ngày 01/7/2025', // an effective date, not right after the reference
    ' ngày 27/922019/5',
  ])('%j → null', (s) => {
    expect(issueDateAfter(s, 0)).toBeNull();
  });
});

describe('parsers', () => {
  it('tries our parsers before chrono-node', () => {
    expect(DATE_PARSERS[DATE_PARSERS.length - 1]).toBe(chronoDate);
    expect(DATE_PARSERS.map((p) => p.name)).toEqual(['numeric', 'textual', 'dropped-separator', 'chrono-vi']);
  });
  it('chrono-node reads what it knows of NFC Vietnamese, and what our parsers leave', () => {
    expect(chronoDate.parse('27 tháng 9 năm 2019 của', 0)?.iso).toBe('2019-09-27');
    expect(issueDateAfter(' ngày 27/9/19', 0)?.iso).toBe('2019-09-27');
    expect(issueDateAfter(' ngày 27/9/95', 0)?.iso).toBe('1995-09-27');
    expect(issueDateAfter(' ngày 27/9-2019', 0)?.iso).toBe('2019-09-27');
    expect(chronoDate.parse('sau đó', 0)).toBeNull();
  });
  it('validates calendar dates', () => {
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(isoDate(2023, 2, 29)).toBeNull();
    expect(isoDate(2025, 13, 1)).toBeNull();
    expect(parseDateAt('x', 0)).toBeNull();
  });
});
