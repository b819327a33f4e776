/// A hash index of byte strings: each distinct key gets a dense ID (0, 1, 2 … in the order
/// the keys were first inserted), found again by hashing its bytes once.
///
/// The engine looks up hundreds of thousands of keys that arrive as bytes from the admin's
/// files (texthash keys, sender domains, relay values). `[String: Int]` made each of them a
/// String first and hashed it with SipHash, which was the largest single cost of
/// `preview --json` on 100,000 domains. Here keys are hashed and compared eight bytes at a
/// time, and a lookup touches two places in memory: the slot, which holds the key's hash and
/// where its record starts, and the record, which holds the key's ID, length and bytes.
///
/// With `foldsCase`, ASCII letters compare case-insensitively and keys are stored folded,
/// as Postfix folds `texthash` keys: `id(of: "@Example.test")` finds `@example.TEST`.
struct ByteKeyIndex: Sendable {
  let foldsCase: Bool
  /// One record per key, each starting at a multiple of 8: the ID (UInt32), the length
  /// (UInt32), then the key's bytes (folded when `foldsCase`).
  private var records: [UInt8] = []
  /// Where each ID's record starts.
  private var recordStarts: [Int] = []
  /// Open addressing with linear probing: the key's hash in the high 32 bits, its record's
  /// start / 8 + 1 in the low 32; 0 marks an empty slot.
  private var slots: [UInt64]
  private var mask: Int

  /// Bytes a record takes for a typical key: the 8-byte header and a domain or relay key of
  /// some 30 bytes (`@d000001.example1.test`), rounded up to the 8-byte alignment.
  static let typicalRecordBytes = 40

  init(foldsCase: Bool, capacity: Int = 0) {
    self.foldsCase = foldsCase
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = Array(repeating: 0, count: size)
    mask = size - 1
    recordStarts.reserveCapacity(capacity)
    records.reserveCapacity(capacity * Self.typicalRecordBytes)
  }

  /// The number of distinct keys.
  var count: Int { recordStarts.count }

  /// Key `id`'s bytes as stored (folded when the index folds case).
  func key(_ id: Int) -> ArraySlice<UInt8> {
    let start = recordStarts[id]
    let length = records.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: start + 4, as: UInt32.self)) }
    return records[(start + 8)..<(start + 8 + length)]
  }

  /// The ID of `key`, or nil when it was never inserted.
  func id(of key: UnsafeBufferPointer<UInt8>) -> Int? {
    let hash = Self.hash(UnsafeRawBufferPointer(key), folding: foldsCase)
    return records.withUnsafeBytes { stored in
      slots.withUnsafeBufferPointer { slots in
        probe(key, hash: hash, first: slots[Int(hash) & mask], slots: slots, stored: stored)
      }
    }
  }

  /// The ID of each of `keys`, or -1, sixteen at a time: the sixteen keys are hashed, then
  /// their slots read, then their records compared. The slot reads of a block miss the
  /// cache together instead of one after the other, which halves the time of 100,000
  /// lookups in random order.
  func ids(of keys: ArraySlice<String>) -> [Int32] {
    var result = [Int32](repeating: -1, count: keys.count)
    var hashes = [UInt32](repeating: 0, count: 16)
    var firsts = [UInt64](repeating: 0, count: 16)
    records.withUnsafeBytes { stored in
      slots.withUnsafeBufferPointer { slots in
        var start = keys.startIndex
        while start < keys.endIndex {
          let block = min(16, keys.endIndex - start)
          for j in 0..<block {
            hashes[j] =
              keys[start + j].utf8.withContiguousStorageIfAvailable {
                Self.hash(UnsafeRawBufferPointer($0), folding: foldsCase)
              } ?? Array(keys[start + j].utf8).withUnsafeBytes { Self.hash($0, folding: foldsCase) }
          }
          for j in 0..<block { firsts[j] = slots[Int(hashes[j]) & mask] }
          for j in 0..<block {
            let found =
              keys[start + j].utf8.withContiguousStorageIfAvailable {
                probe($0, hash: hashes[j], first: firsts[j], slots: slots, stored: stored)
              }
              ?? Array(keys[start + j].utf8).withUnsafeBufferPointer {
                probe($0, hash: hashes[j], first: firsts[j], slots: slots, stored: stored)
              }
            if let found { result[start - keys.startIndex + j] = Int32(found) }
          }
          start += block
        }
      }
    }
    return result
  }

  /// Linear probing from the slot of `hash`, whose entry (`first`) was read already.
  private func probe(
    _ key: UnsafeBufferPointer<UInt8>, hash: UInt32, first: UInt64, slots: UnsafeBufferPointer<UInt64>,
    stored: UnsafeRawBufferPointer
  ) -> Int? {
    var slot = Int(hash) & mask
    var entry = first
    while entry != 0 {
      if UInt32(truncatingIfNeeded: entry >> 32) == hash, let id = match(entry, key, in: stored) { return id }
      slot = (slot + 1) & mask
      entry = slots[slot]
    }
    return nil
  }

  /// Inserts `key` unless present; returns its ID and whether it is new.
  @discardableResult
  mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (id: Int, inserted: Bool) {
    let hash = Self.hash(UnsafeRawBufferPointer(key), folding: foldsCase)
    var slot = Int(hash) & mask
    let found: Int? = records.withUnsafeBytes { stored in
      while true {
        let entry = slots[slot]
        if entry == 0 { return nil }
        if UInt32(truncatingIfNeeded: entry >> 32) == hash, let id = match(entry, key, in: stored) { return id }
        slot = (slot + 1) & mask
      }
    }
    if let found { return (found, false) }
    let id = recordStarts.count
    let start = records.count
    records.append(contentsOf: repeatElement(0, count: 8 + (key.count + 7) & ~7))
    records.withUnsafeMutableBytes { record in
      record.storeBytes(of: UInt32(id), toByteOffset: start, as: UInt32.self)
      record.storeBytes(of: UInt32(key.count), toByteOffset: start + 4, as: UInt32.self)
      for i in 0..<key.count { record[start + 8 + i] = foldsCase ? Bytes.lower(key[i]) : key[i] }
    }
    recordStarts.append(start)
    slots[slot] = UInt64(hash) << 32 | UInt64(start / 8 + 1)
    if recordStarts.count * 2 > slots.count { grow() }
    return (id, true)
  }

  /// The ID in the record `entry` points to, when that record holds `key`.
  private func match(_ entry: UInt64, _ key: UnsafeBufferPointer<UInt8>, in stored: UnsafeRawBufferPointer) -> Int? {
    let start = (Int(UInt32(truncatingIfNeeded: entry)) - 1) * 8
    guard Int(stored.loadUnaligned(fromByteOffset: start + 4, as: UInt32.self)) == key.count else { return nil }
    let query = UnsafeRawBufferPointer(key)
    var i = 0
    while i + 8 <= key.count {
      var word = query.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      if foldsCase { word = Self.lowered(word) }
      guard stored.loadUnaligned(fromByteOffset: start + 8 + i, as: UInt64.self) == word else { return nil }
      i += 8
    }
    while i < key.count {
      let byte = foldsCase ? Bytes.lower(key[i]) : key[i]
      guard stored[start + 8 + i] == byte else { return nil }
      i += 1
    }
    return Int(stored.loadUnaligned(fromByteOffset: start, as: UInt32.self))
  }

  private mutating func grow() {
    let size = slots.count * 2
    let old = slots
    slots = Array(repeating: 0, count: size)
    mask = size - 1
    for entry in old where entry != 0 {
      var slot = Int(UInt32(truncatingIfNeeded: entry >> 32)) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = entry
    }
  }

  /// Each byte of `word` ASCII-lowercased (SWAR: a byte is in `A`–`Z` when adding 0x3F
  /// carries into its top bit but adding 0x25 does not, and it is below 0x80).
  private static func lowered(_ word: UInt64) -> UInt64 {
    let low7 = word & 0x7F7F_7F7F_7F7F_7F7F
    let atLeastA = low7 &+ 0x3F3F_3F3F_3F3F_3F3F
    let aboveZ = low7 &+ 0x2525_2525_2525_2525
    let isUpper = (atLeastA ^ aboveZ) & ~word & 0x8080_8080_8080_8080
    return word | (isUpper >> 2)
  }

  /// Eight bytes at a time, each word multiplied in and folded down; the last word mixed
  /// again so the low bits used for the slot depend on every byte.
  private static func hash(_ key: UnsafeRawBufferPointer, folding: Bool) -> UInt32 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
    var i = 0
    while i + 8 <= key.count {
      var word = key.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      if folding { word = lowered(word) }
      h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
      h ^= h >> 31
      i += 8
    }
    if i < key.count {
      var word: UInt64 = 0
      var shift: UInt64 = 0
      while i < key.count {
        word |= UInt64(folding ? Bytes.lower(key[i]) : key[i]) << shift
        shift += 8
        i += 1
      }
      h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
    }
    h ^= h >> 32
    h &*= 0x94D0_49BB_1331_11EB
    h ^= h >> 29
    return UInt32(truncatingIfNeeded: h)
  }
}

extension ByteKeyIndex {
  /// `id(of:)` for any contiguous bytes: a String's UTF-8, an array or a slice of one.
  func id(of key: some Collection<UInt8>) -> Int? {
    if let found = key.withContiguousStorageIfAvailable({ id(of: $0) }) { return found }
    return Array(key).withUnsafeBufferPointer { id(of: $0) }
  }

  func id(of key: String) -> Int? { id(of: key.utf8) }

  func id(of key: Substring) -> Int? { id(of: key.utf8) }

  @discardableResult
  mutating func insert(_ key: some Collection<UInt8>) -> (id: Int, inserted: Bool) {
    if let result = key.withContiguousStorageIfAvailable({ insert($0) }) { return result }
    return Array(key).withUnsafeBufferPointer { insert($0) }
  }
}
