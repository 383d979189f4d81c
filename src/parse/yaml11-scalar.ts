// The value of a YAML 1.1 plain scalar, as the precise parser (the `yaml` package with version 1.1)
// resolves it: the same forms, tried in the same order, with the same arithmetic. The fast reader
// uses it so that a small lint never loads that package. yaml11-scalar.test.ts checks, over a large
// systematic set of scalars, that both always give the same value.

const NULL = ['', '~', 'null', 'Null', 'NULL'];
const TRUE = ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'];
const FALSE = ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'];
/** Every spelling of null, true and false, with its value: one lookup instead of three patterns. */
const WORDS = new Map<string, null | boolean>([
  ...NULL.map((w) => [w, null] as const),
  ...TRUE.map((w) => [w, true] as const),
  ...FALSE.map((w) => [w, false] as const),
]);
// Integers: the sign, then the digits after the radix prefix (underscores are ignored).
const BINARY = /^([-+]?)0b([01_]+)$/;
const OCTAL = /^([-+]?)0([0-7_]+)$/;
const DECIMAL = /^([-+]?)([0-9][0-9_]*)$/;
const HEX = /^([-+]?)0x([0-9a-fA-F_]+)$/;
const INFINITY_OR_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
// Both parts before the exponent are optional: `e5` and `.e5` are floats too (whose value is NaN).
const EXPONENT = /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/;
const FIXED = /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/;
// Base 60 (`1:30:00`), whole or with a fraction on its last part.
const SEXAGESIMAL = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const TIMESTAMP =
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\.([0-9]+))?(?:[ \t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$/;

/** False for most strings, cheaply: those whose first character no other form can start with. */
export function mayResolvePlain11(source: string): boolean {
  const c = source.charCodeAt(0);
  if (c >= 48 && c <= 57) return true; // digits
  switch (c) {
    case 43: // +
    case 45: // -
    case 46: // .
    case 126: // ~
    case 69: // E, e: exponent floats without digits before them
    case 101:
    case 70: // F, f: false
    case 102:
    case 78: // N, n: null, no
    case 110:
    case 79: // O, o: on, off
    case 111:
    case 84: // T, t: true
    case 116:
    case 89: // Y, y: yes
    case 121:
      return true;
    default:
      return Number.isNaN(c); // the empty scalar is null
  }
}

function integer(sign: string | undefined, digits: string | undefined, radix: number): number {
  const n = Number.parseInt((digits ?? '').replaceAll('_', ''), radix);
  return sign === '-' ? -n : n;
}

function sexagesimal(source: string): number {
  const negative = source[0] === '-';
  const body = negative || source[0] === '+' ? source.slice(1) : source;
  let n = 0;
  for (const part of body.replaceAll('_', '').split(':')) n = n * 60 + Number(part);
  return negative ? -n : n;
}

function timestamp(match: RegExpExecArray): Date {
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  // Milliseconds are the first three digits of the fraction; a year below 100 means 19xx, as in Date.UTC.
  const ms = fraction ? Number(`${fraction}00`.slice(0, 3)) : 0;
  let time = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour ?? 0),
    Number(minute ?? 0),
    Number(second ?? 0),
    ms,
  );
  if (zone && zone !== 'Z') {
    // An offset below 30 counts hours, any other minutes (`+05:30` is 330 minutes, `-5` is -300).
    let minutes = sexagesimal(zone);
    if (Math.abs(minutes) < 30) minutes *= 60;
    time -= 60_000 * minutes;
  }
  return new Date(time);
}

/**
 * The value of a plain scalar under YAML 1.1: null, a boolean, a number, a Date or the text itself.
 * Integers are numbers (never bigints), as the precise parser returns them for lint.
 */
export function resolvePlain11(source: string): unknown {
  const c = source.charCodeAt(0);
  // Only a digit, a sign or a dot can start an integer, a float other than `e5`, base 60 or a timestamp;
  // and nothing else can start them.
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) return numberOrTimestamp(source);
  if (!mayResolvePlain11(source)) return source;
  // The words for null and the booleans have at most five characters.
  if (source.length <= 5) {
    const word = WORDS.get(source);
    if (word !== undefined) return word;
  }
  if ((c === 69 || c === 101) && EXPONENT.test(source)) return Number.parseFloat(source.replaceAll('_', ''));
  return source;
}

function numberOrTimestamp(source: string): unknown {
  let match = BINARY.exec(source);
  if (match) return integer(match[1], match[2], 2);
  match = OCTAL.exec(source);
  if (match) return integer(match[1], match[2], 8);
  match = DECIMAL.exec(source);
  if (match) return integer(match[1], match[2], 10);
  match = HEX.exec(source);
  if (match) return integer(match[1], match[2], 16);
  if (INFINITY_OR_NAN.test(source)) {
    if (source.endsWith('nan') || source.endsWith('NaN') || source.endsWith('NAN')) return Number.NaN;
    return source[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (EXPONENT.test(source) || FIXED.test(source)) return Number.parseFloat(source.replaceAll('_', ''));
  if (SEXAGESIMAL.test(source)) return sexagesimal(source);
  match = TIMESTAMP.exec(source);
  if (match) return timestamp(match);
  return source;
}
