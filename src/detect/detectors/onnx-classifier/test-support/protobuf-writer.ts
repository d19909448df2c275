/**
 * A minimal protocol-buffers encoder: just enough of the wire format to write an ONNX ModelProto
 * by hand (varints, 32-bit floats, length-delimited strings, bytes and nested messages, packed
 * int64s). Fields are written in the order the caller writes them; the output is deterministic.
 *
 * Wire types: 0 varint, 2 length-delimited, 5 fixed 32-bit. A field's key is (number << 3) | type.
 */
const WIRE_VARINT = 0;
const WIRE_LENGTH_DELIMITED = 2;
const WIRE_FIXED32 = 5;

const UINT64_MASK = (1n << 64n) - 1n;

export class ProtoWriter {
  private readonly chunks: Uint8Array[] = [];
  private length = 0;

  private push(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }

  private rawVarint(value: bigint): void {
    // negative int32/int64 values are written as their 64-bit two's complement (10 bytes)
    let rest = value < 0n ? value & UINT64_MASK : value;
    const bytes: number[] = [];
    do {
      let byte = Number(rest & 0x7fn);
      rest >>= 7n;
      if (rest !== 0n) byte |= 0x80;
      bytes.push(byte);
    } while (rest !== 0n);
    this.push(Uint8Array.from(bytes));
  }

  private key(field: number, wireType: number): void {
    this.rawVarint(BigInt((field << 3) | wireType));
  }

  /** int32, int64, enum and bool fields. */
  varint(field: number, value: number | bigint): this {
    this.key(field, WIRE_VARINT);
    this.rawVarint(BigInt(value));
    return this;
  }

  /** A `float` field (IEEE 754 single precision, little-endian). */
  float(field: number, value: number): this {
    this.key(field, WIRE_FIXED32);
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setFloat32(0, value, true);
    this.push(bytes);
    return this;
  }

  bytes(field: number, value: Uint8Array): this {
    this.key(field, WIRE_LENGTH_DELIMITED);
    this.rawVarint(BigInt(value.length));
    this.push(value);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  /** A nested message, built by `build` on a fresh writer. */
  message(field: number, build: (writer: ProtoWriter) => void): this {
    const inner = new ProtoWriter();
    build(inner);
    return this.bytes(field, inner.finish());
  }

  /** A repeated int64 field in packed form (the proto3 default). */
  packedInt64(field: number, values: readonly (number | bigint)[]): this {
    const inner = new ProtoWriter();
    for (const value of values) inner.rawVarint(BigInt(value));
    return this.bytes(field, inner.finish());
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.length);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}
