import { Decimal, ceilCents, centsNumber, dec, floorCents, maxDecimal, minDecimal, percentNumber, ratioNumber, roundCents, roundRateToStep, sumDecimals, truncatePercent } from '../../src/engine/money';

describe('money', () => {
  it('rounds half-up to the cent on the exact decimal, not the binary float', () => {
    // 1.005 is 1.00499999999999989... as a double; decimal.js reads the JSON text "1.005".
    expect(roundCents(1.005).toString()).toBe('1.01');
    expect(roundCents('2.675').toString()).toBe('2.68');
    expect(roundCents('2.674999').toString()).toBe('2.67');
    expect(centsNumber('-1.005')).toBe(-1.01); // half away from zero (ROUND_HALF_UP in decimal.js)
  });

  it('floors and ceils to the cent', () => {
    expect(floorCents('1.999').toString()).toBe('1.99');
    expect(floorCents('-1.001').toString()).toBe('-1.01');
    expect(ceilCents('1.001').toString()).toBe('1.01');
    // GSE Flex target P&I (engine.md 4 step 2): floor(1913.14 * 0.79995) = floor(1530.416343) = 1530.41,
    // the P&I of the Freddie Mac reference example.
    expect(floorCents(dec('1913.14').times('0.79995')).toNumber()).toBe(1530.41);
  });

  it('adds 0.1 + 0.2 exactly', () => {
    expect(dec(0.1).plus(0.2).equals(dec('0.3'))).toBe(true);
    expect(sumDecimals([0.1, 0.2, '0.3']).toString()).toBe('0.6');
  });

  it('prints percents: rounded and truncated', () => {
    expect(percentNumber('0.200149')).toBe(20.01);
    expect(percentNumber('0.200150')).toBe(20.02);
    // Reference MTMLTV: 328584.90 / 50000 = 6.571698 -> 657.1698% -> truncated 657.16 (not rounded 657.17).
    expect(truncatePercent(dec('328584.90').dividedBy(50000))).toBe(657.16);
    expect(ratioNumber('0.42633747', 4)).toBe(0.4263);
  });

  it('rounds rates to 1/8 percent steps', () => {
    // 0.0631 / 0.00125 = 50.48 steps: nearest 50 -> 6.25%, up 51 -> 6.375%, down 50.
    expect(roundRateToStep('0.0631', '0.00125').toString()).toBe('0.0625');
    expect(roundRateToStep('0.0631', '0.00125', 'up').toString()).toBe('0.06375');
    expect(roundRateToStep('0.0631', '0.00125', 'down').toString()).toBe('0.0625');
    // Exactly half a step (6.3125%) rounds up.
    expect(roundRateToStep('0.063125', '0.00125').toString()).toBe('0.06375');
  });

  it('min/max and the engine Decimal keeps 40 digits without touching the global config', () => {
    expect(minDecimal(dec(3), dec(1), dec(2)).toNumber()).toBe(1);
    expect(maxDecimal(dec(3), dec(1), dec(2)).toNumber()).toBe(3);
    expect(new Decimal(1).dividedBy(3).toString().length).toBeGreaterThan(35);
  });
});
