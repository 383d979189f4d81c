// The protobuf (proto3) wire format, only as far as the CRI calls of the runtime suite need it:
// varints, length-delimited fields (strings, bytes, nested messages, map entries) and reading
// them back. Fixed-width fields are skipped when read; the suite never sends them.

const VARINT = 0;
const FIXED64 = 1;
const LENGTH = 2;
const FIXED32 = 5;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class ProtoWriter {
  private readonly bytes: number[] = [];

  private varint(value: bigint): void {
    // Negative numbers are written as their 64-bit two's complement, as protobuf does for int32/int64.
    let rest = BigInt.asUintN(64, value);
    while (rest >= 0x80n) {
      this.bytes.push(Number((rest & 0x7fn) | 0x80n));
      rest >>= 7n;
    }
    this.bytes.push(Number(rest));
  }

  private key(field: number, wireType: number): void {
    this.varint(BigInt((field << 3) | wireType));
  }

  private lengthDelimited(field: number, data: Uint8Array): void {
    this.key(field, LENGTH);
    this.varint(BigInt(data.length));
    for (const byte of data) this.bytes.push(byte);
  }

  /** A scalar varint field (uint32, int64, enum); proto3 leaves zero out. */
  uint(field: number, value: number | bigint | undefined): this {
    if (value === undefined || BigInt(value) === 0n) return this;
    this.key(field, VARINT);
    this.varint(BigInt(value));
    return this;
  }

  bool(field: number, value: boolean | undefined): this {
    return this.uint(field, value ? 1 : 0);
  }

  /** A string field; proto3 leaves the empty string out. */
  string(field: number, value: string | undefined): this {
    if (!value) return this;
    this.lengthDelimited(field, encoder.encode(value));
    return this;
  }

  strings(field: number, values: readonly string[] | undefined): this {
    // Repeated strings are written one by one, empty ones included.
    for (const value of values ?? []) this.lengthDelimited(field, encoder.encode(value));
    return this;
  }

  /** A nested message; written even when empty, so that its presence is kept. */
  message(field: number, value: ProtoWriter | undefined): this {
    if (value) this.lengthDelimited(field, value.finish());
    return this;
  }

  /** A `map<string, string>` field: one entry message (key = 1, value = 2) per pair. */
  map(field: number, value: Readonly<Record<string, string>> | undefined): this {
    for (const [k, v] of Object.entries(value ?? {})) {
      this.message(field, new ProtoWriter().string(1, k).string(2, v));
    }
    return this;
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

export type ProtoValue = bigint | Uint8Array;

/** The fields of one message: field number → values in wire order (repeated fields have several). */
export class ProtoMessage {
  constructor(readonly fields: ReadonlyMap<number, readonly ProtoValue[]>) {}

  static decode(data: Uint8Array): ProtoMessage {
    const fields = new Map<number, ProtoValue[]>();
    let offset = 0;
    const readVarint = (): bigint => {
      let result = 0n;
      let shift = 0n;
      for (;;) {
        if (offset >= data.length) throw new Error('protobuf: truncated varint');
        const byte = data[offset++] as number;
        result |= BigInt(byte & 0x7f) << shift;
        if ((byte & 0x80) === 0) return result;
        shift += 7n;
        if (shift > 63n) throw new Error('protobuf: varint too long');
      }
    };
    while (offset < data.length) {
      const key = Number(readVarint());
      const field = key >>> 3;
      const wireType = key & 7;
      let value: ProtoValue | undefined;
      if (wireType === VARINT) value = readVarint();
      else if (wireType === LENGTH) {
        const length = Number(readVarint());
        if (offset + length > data.length) throw new Error('protobuf: truncated field');
        value = data.subarray(offset, offset + length);
        offset += length;
      } else if (wireType === FIXED64) offset += 8;
      else if (wireType === FIXED32) offset += 4;
      else throw new Error(`protobuf: unsupported wire type ${wireType}`);
      if (value === undefined) continue;
      const list = fields.get(field);
      if (list) list.push(value);
      else fields.set(field, [value]);
    }
    return new ProtoMessage(fields);
  }

  private last(field: number): ProtoValue | undefined {
    const values = this.fields.get(field);
    return values?.[values.length - 1];
  }

  string(field: number): string {
    const value = this.last(field);
    return value instanceof Uint8Array ? decoder.decode(value) : '';
  }

  strings(field: number): string[] {
    return (this.fields.get(field) ?? []).flatMap((v) => (v instanceof Uint8Array ? [decoder.decode(v)] : []));
  }

  /** A varint field as a signed 64-bit number (int32 values are sign-extended on the wire). */
  int(field: number): number {
    const value = this.last(field);
    return typeof value === 'bigint' ? Number(BigInt.asIntN(64, value)) : 0;
  }

  message(field: number): ProtoMessage {
    const value = this.last(field);
    return ProtoMessage.decode(value instanceof Uint8Array ? value : new Uint8Array());
  }

  map(field: number): Record<string, string> {
    const out: Record<string, string> = {};
    for (const value of this.fields.get(field) ?? []) {
      if (!(value instanceof Uint8Array)) continue;
      const entry = ProtoMessage.decode(value);
      out[entry.string(1)] = entry.string(2);
    }
    return out;
  }
}
