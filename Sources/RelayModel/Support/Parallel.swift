import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Independent pieces of work run on the machine's cores at once.
///
/// A preview of 100,000 domains routes each sender independently and renders each route
/// independently; on the two cores of a small server that halves those steps. Every closure
/// given here must only read shared state (the engine's values are immutable once built).
enum Parallel {
  /// The cores to use: those online, at least one.
  static let cores: Int = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

  /// `(0..<count).map(transform)`, computed as one contiguous slice per core when there is
  /// enough work to be worth a thread (`minimumPerSlice` items a slice).
  static func map<T: Sendable>(
    _ count: Int, minimumPerSlice: Int = 2048, _ transform: @Sendable (Int) -> T
  ) -> [T] {
    let slices = min(cores, count / max(1, minimumPerSlice))
    guard slices > 1 else { return (0..<count).map(transform) }
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      // Each slice initializes its own elements only.
      let base = Unchecked(value: buffer.baseAddress!)
      DispatchQueue.concurrentPerform(iterations: slices) { slice in
        for i in (count * slice / slices)..<(count * (slice + 1) / slices) {
          (base.value + i).initialize(to: transform(i))
        }
      }
      initialized = count
    }
  }

  /// `(0..<count).map(transform)` together with `other()`: `other` starts at once on one
  /// core while the others map; the map is cut into several slices so that the core that
  /// ran `other` takes on what is left.
  static func map<T: Sendable, E: Sendable>(
    _ count: Int, minimumPerSlice: Int = 2048, alongside other: @Sendable () -> E,
    _ transform: @Sendable (Int) -> T
  ) -> ([T], E) {
    let slices = min(4 * cores, count / max(1, minimumPerSlice))
    guard cores > 1, slices > 1 else { return ((0..<count).map(transform), other()) }
    var extra: E?
    let mapped = withUnsafeMutablePointer(to: &extra) { pointer in
      let result = Unchecked(value: pointer)
      return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        // Iteration 0 runs `other`; each other iteration initializes its own slice only.
        let base = Unchecked(value: buffer.baseAddress!)
        DispatchQueue.concurrentPerform(iterations: slices + 1) { iteration in
          guard iteration > 0 else { return result.value.pointee = other() }
          let slice = iteration - 1
          for i in (count * slice / slices)..<(count * (slice + 1) / slices) {
            (base.value + i).initialize(to: transform(i))
          }
        }
        initialized = count
      }
    }
    return (mapped, extra!)
  }

  /// Runs `first` and `second` at the same time (on one core: one after the other).
  static func both<A: Sendable, B: Sendable>(
    _ first: @Sendable () -> A, _ second: @Sendable () -> B
  ) -> (A, B) {
    guard cores > 1 else { return (first(), second()) }
    var a: A?
    var b: B?
    withUnsafeMutablePointer(to: &a) { pa in
      withUnsafeMutablePointer(to: &b) { pb in
        // Each iteration writes its own result only.
        let results = Unchecked(value: (pa, pb))
        DispatchQueue.concurrentPerform(iterations: 2) { which in
          if which == 0 { results.value.0.pointee = first() } else { results.value.1.pointee = second() }
        }
      }
    }
    return (a!, b!)
  }

  /// A pointer handed to the threads above, each of which writes a part no other touches.
  private struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
  }
}
