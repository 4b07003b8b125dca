// Context: page (MAIN world). A bounded ring of records so a panel opened later still gets the
// recent history. Bounded by count and by payload bytes; the oldest records go first.

export class RingBuffer<T> {
  private items: (T | undefined)[];
  private sizes: Float64Array;
  private head = 0; // index of the oldest item
  private length = 0;
  private bytes = 0;

  constructor(
    private capacity: number,
    private byteCap: number,
  ) {
    this.items = new Array(capacity);
    this.sizes = new Float64Array(capacity);
  }

  get size(): number {
    return this.length;
  }

  get byteSize(): number {
    return this.bytes;
  }

  /** Adds an item; returns how many old items were evicted to make room. */
  push(item: T, byteSize: number): number {
    let evicted = 0;
    while (this.length > 0 && (this.length >= this.capacity || this.bytes + byteSize > this.byteCap)) {
      this.shift();
      evicted++;
    }
    const idx = (this.head + this.length) % this.capacity;
    this.items[idx] = item;
    this.sizes[idx] = byteSize;
    this.bytes += byteSize;
    this.length++;
    return evicted;
  }

  shift(): T | undefined {
    if (this.length === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.bytes -= this.sizes[this.head];
    this.head = (this.head + 1) % this.capacity;
    this.length--;
    return item;
  }

  /** Item i (0 = oldest). */
  at(i: number): T | undefined {
    if (i < 0 || i >= this.length) return undefined;
    return this.items[(this.head + i) % this.capacity];
  }

  /** Changes the bounds, keeping the newest items that fit. */
  resize(capacity: number, byteCap: number): void {
    const kept: [T, number][] = [];
    for (let i = 0; i < this.length; i++) {
      const idx = (this.head + i) % this.capacity;
      kept.push([this.items[idx] as T, this.sizes[idx]]);
    }
    this.capacity = Math.max(1, capacity);
    this.byteCap = byteCap;
    this.items = new Array(this.capacity);
    this.sizes = new Float64Array(this.capacity);
    this.head = 0;
    this.length = 0;
    this.bytes = 0;
    for (const [item, size] of kept) this.push(item, size);
  }
}
