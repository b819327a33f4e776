#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A hash index of byte strings: each distinct key gets a dense ID (0, 1, 2 … in the order
/// the keys were first inserted), found again by hashing its bytes once.
///
/// The engine looks up hundreds of thousands of keys that arrive as bytes from the admin's
/// files (texthash keys, sender domains, relay values). `[String: Int]` made each of them a
/// String first and hashed it with SipHash, which was the largest single cost of
/// `preview --json` on 100,000 domains. Keys here are stored back to back in one buffer,
/// hashed with FNV-1a and compared with `memcmp`.
///
/// With `foldsCase`, ASCII letters compare case-insensitively and keys are stored folded,
/// as Postfix folds `texthash` keys: `id(of: "@Example.test")` finds `@example.TEST`.
struct ByteKeyIndex: Sendable {
  let foldsCase: Bool
  /// Every key's bytes (folded when `foldsCase`), back to back.
  private var storage: [UInt8] = []
  /// Key `i` is `storage[ends[i - 1]..<ends[i]]` (`ends[-1]` being 0).
  private var ends: [Int] = []
  /// Open addressing with linear probing. A used slot holds the key's hash in its high 32
  /// bits and its ID + 1 in the low 32, so a probe that meets another key rarely has to
  /// look further than the slot; 0 marks an empty slot.
  private var slots: [UInt64]
  private var mask: Int

  init(foldsCase: Bool, capacity: Int = 0) {
    self.foldsCase = foldsCase
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = Array(repeating: 0, count: size)
    mask = size - 1
    ends.reserveCapacity(capacity)
    storage.reserveCapacity(capacity * 24)
  }

  /// The number of distinct keys.
  var count: Int { ends.count }

  /// Key `id`'s bytes as stored (folded when the index folds case).
  func key(_ id: Int) -> ArraySlice<UInt8> {
    storage[(id == 0 ? 0 : ends[id - 1])..<ends[id]]
  }

  /// The ID of `key`, or nil when it was never inserted.
  func id(of key: UnsafeBufferPointer<UInt8>) -> Int? {
    let hash = Self.hash(key, folding: foldsCase)
    var slot = Int(hash) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { return nil }
      if UInt32(truncatingIfNeeded: entry >> 32) == hash {
        let id = Int(UInt32(truncatingIfNeeded: entry)) - 1
        if equals(id, key) { return id }
      }
      slot = (slot + 1) & mask
    }
  }

  /// Inserts `key` unless present; returns its ID and whether it is new.
  @discardableResult
  mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (id: Int, inserted: Bool) {
    let hash = Self.hash(key, folding: foldsCase)
    var slot = Int(hash) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { break }
      if UInt32(truncatingIfNeeded: entry >> 32) == hash {
        let id = Int(UInt32(truncatingIfNeeded: entry)) - 1
        if equals(id, key) { return (id, false) }
      }
      slot = (slot + 1) & mask
    }
    let id = ends.count
    let start = storage.count
    storage.append(contentsOf: key)
    if foldsCase {
      storage.withUnsafeMutableBufferPointer { stored in
        for i in start..<stored.count { stored[i] = Bytes.lower(stored[i]) }
      }
    }
    ends.append(storage.count)
    slots[slot] = UInt64(hash) << 32 | UInt64(id + 1)
    if ends.count * 2 > slots.count { grow() }
    return (id, true)
  }

  private func equals(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = id == 0 ? 0 : ends[id - 1]
    guard ends[id] - start == key.count else { return false }
    return storage.withUnsafeBufferPointer { stored in
      if !foldsCase {
        guard let base = key.baseAddress, let storedBase = stored.baseAddress else { return true }
        return memcmp(storedBase + start, base, key.count) == 0
      }
      for i in 0..<key.count where stored[start + i] != Bytes.lower(key[i]) { return false }
      return true
    }
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

  /// FNV-1a, its halves folded together so the low bits used for the slot see every byte.
  private static func hash(_ key: UnsafeBufferPointer<UInt8>, folding: Bool) -> UInt32 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    if folding {
      for byte in key { h = (h ^ UInt64(Bytes.lower(byte))) &* 0x0000_0100_0000_01B3 }
    } else {
      for byte in key { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    }
    return UInt32(truncatingIfNeeded: h ^ (h >> 29))
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
