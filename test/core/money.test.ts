import { describe, expect, it } from 'vitest';
import {
  formatMoney,
  formatNumber,
  formatPercent,
  parseAmount,
  percentOf,
  sum,
  toAmountString,
  toStep,
} from '../../src/core/money.js';

const s = toAmountString;

describe('money', () => {
  it('adds 0.1 and 0.2 exactly (a float gives 0.30000000000000004)', () => {
    const total = sum([parseAmount('0.1'), parseAmount('0.2')]);
    expect(total.toFixed()).toBe('0.3');
    expect(total.equals(parseAmount('0.3'))).toBe(true);
    expect(0.1 + 0.2).not.toBe(0.3); // the trap being avoided
  });

  it('takes 8.1 % of 33.33 to the cent, half up (2.69973 -> 2.70)', () => {
    expect(s(percentOf(parseAmount('33.33'), parseAmount('8.1')))).toBe('2.70');
  });

  it('rounds half up to the cent where floats round down (1.005, 1.015)', () => {
    // (1.005).toFixed(2) === "1.00" and Math.round(1.015 * 100) / 100 === 1.01 with floats.
    expect(s(parseAmount('1.005'))).toBe('1.01');
    expect(s(parseAmount('1.015'))).toBe('1.02');
    expect(s(percentOf(parseAmount('0.5'), parseAmount('1')))).toBe('0.01');
  });

  it('rounds .x25 and .x75 half up to a 0.05 step', () => {
    const step = parseAmount('0.05');
    expect(s(toStep(parseAmount('21924.525'), step))).toBe('21924.55');
    expect(s(toStep(parseAmount('21924.475'), step))).toBe('21924.50');
    expect(s(toStep(parseAmount('10.075'), step))).toBe('10.10');
    expect(s(toStep(parseAmount('10.025'), step))).toBe('10.05');
    expect(s(toStep(parseAmount('10.02'), step))).toBe('10.00');
    expect(s(toStep(parseAmount('10.074999'), step))).toBe('10.05');
    expect(s(toStep(parseAmount('0'), step))).toBe('0.00');
  });

  it('refuses what is not a plain decimal amount', () => {
    for (const bad of ['1e3', '-5', '1,5', 'CHF 10', '', '.5', 'NaN', 'Infinity']) {
      expect(() => parseAmount(bad, 'fee')).toThrow(/is not a decimal amount/);
    }
  });

  it('keeps large amounts exact beyond float precision', () => {
    expect(s(sum([parseAmount('90071992547409.93'), parseAmount('0.01')]))).toBe('90071992547409.94');
  });

  it('writes CHF in French as Swiss readers do, EUR as French readers do, and English', () => {
    expect(formatMoney('21924.50', 'CHF', 'fr')).toBe('CHF\u00a021\u202f924.50');
    expect(formatMoney('21924.5', 'EUR', 'fr')).toBe('21\u202f924,50\u00a0€');
    expect(formatMoney('21924.50', 'CHF', 'en')).toBe('CHF\u00a021,924.50');
    expect(formatMoney('1234567.5', 'EUR', 'en')).toBe('EUR\u00a01,234,567.50');
    expect(formatMoney('4500', 'USD', 'fr')).toBe('4\u202f500,00\u00a0USD');
    expect(formatMoney('0', 'CHF', 'fr')).toBe('CHF\u00a00.00');
    expect(formatMoney('-500', 'CHF', 'en')).toBe('−CHF\u00a0500.00');
  });

  it('groups digits like Intl does for fr-FR (same separators, same places)', () => {
    const intl = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
    for (const v of ['0.5', '999.99', '1000', '21924.5', '1234567.89']) {
      expect(formatMoney(v, 'EUR', 'fr')).toBe(intl.format(Number(v)));
    }
  });

  it('writes percentages and quantities for the reader', () => {
    expect(formatNumber('8.1', 'fr')).toBe('8,1');
    expect(formatPercent('8.1', 'fr')).toBe('8,1\u00a0%');
    expect(formatPercent('8.1', 'en')).toBe('8.1%');
    expect(formatNumber('1234.5', 'fr')).toBe('1\u202f234,5');
    expect(formatNumber('1200', 'en')).toBe('1,200');
  });
});
