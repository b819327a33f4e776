import Foundation

/// Reads the next chunk on another thread while the caller works on this one: reading a
/// file (a copy out of the page cache) or inflating a `.gz` rotation then costs the join
/// no time on a machine with a second core.
///
/// Two buffers take turns: the reader fills one while the caller reads the other, each
/// handed over with a semaphore; the caller's chunk stays valid until its `body` returns.
enum ChunkPrefetch {
  /// Calls `body` with every chunk `produce` yields (0 ends, a throw stops and is rethrown).
  static func run(
    chunkSize: Int, produce: @escaping @Sendable (UnsafeMutableRawPointer, Int) throws -> Int,
    _ body: (UnsafeRawBufferPointer) -> Void
  ) throws {
    let state = State(chunkSize: chunkSize)
    let reader = Thread {
      var index = 0
      while true {
        state.empty[index].wait()
        if state.isStopped { return }
        do {
          state.counts[index] = try produce(state.buffers[index], chunkSize)
        } catch {
          state.error = error
          state.counts[index] = 0
        }
        let done = state.counts[index] == 0
        state.filled[index].signal()
        if done { return }
        index ^= 1
      }
    }
    reader.start()
    defer { state.finish(reader) }
    var index = 0
    while true {
      state.filled[index].wait()
      let count = state.counts[index]
      if count == 0 { break }
      body(UnsafeRawBufferPointer(start: state.buffers[index], count: count))
      state.empty[index].signal()
      index ^= 1
    }
    if let error = state.error { throw error }
  }

  /// Shared by the two threads; each buffer and count is touched by one thread at a time,
  /// as the semaphores hand it over.
  private final class State: @unchecked Sendable {
    let buffers: [UnsafeMutableRawPointer]
    var counts = [0, 0]
    let empty = [DispatchSemaphore(value: 1), DispatchSemaphore(value: 1)]
    let filled = [DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)]
    var error: (any Error)?
    var isStopped = false

    init(chunkSize: Int) {
      buffers = (0..<2).map { _ in UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 16) }
    }

    /// Lets the reader end (it may be waiting for a buffer) and waits for it before the
    /// buffers go.
    func finish(_ reader: Thread) {
      isStopped = true
      empty[0].signal()
      empty[1].signal()
      while !reader.isFinished { usleep(100) }
      for buffer in buffers { buffer.deallocate() }
    }
  }
}
