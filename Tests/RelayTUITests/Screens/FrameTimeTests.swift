import RelayModel
import Testing

@testable import RelayTUI

/// The frame-time measurement `scripts/benchmark` runs (`dms-relay frame-time`), checked on a
/// small configuration: it must drive the real reducer and screens. Timings are the
/// benchmark's business and are not asserted.
@Suite("Frame-time measurement")
struct FrameTimeTests {
  @Test("drives every key through the reducer and the screens on the synthetic configuration")
  func measuresTheRealScreens() {
    let result = FrameTimeMeasurement.run(domains: 300)
    #expect(result.domainRows == 300)
    #expect(result.endSelectsLast)
    #expect(result.lines.count == 2)
    #expect(result.lines.allSatisfy { $0.hasPrefix("frame time, 300 domains, screen ") })
  }
}
