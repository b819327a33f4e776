import RelayModel

#if canImport(Glibc)
  import Glibc
#endif

/// How a live check is bounded and where it asks DNS.
public struct CheckOptions: Sendable {
  /// The most one step (a DNS lookup, the connection, one reply) may take.
  public var stepTimeout: Double
  /// The most the whole check may take.
  public var overallTimeout: Double
  /// The longest reply line accepted (RFC 5321 allows 512 bytes; providers' banners and
  /// EHLO lines stay far below this).
  public var maximumLineLength: Int
  /// The name sent with EHLO (Postfix sends `myhostname`).
  public var heloName: String
  public var resolution: NameResolution

  /// `stepTimeout` seconds per step and six steps' worth overall.
  public init(
    stepTimeout: Double = 10, overallTimeout: Double? = nil, maximumLineLength: Int = 65_536,
    heloName: String? = nil, resolution: NameResolution? = nil
  ) {
    self.stepTimeout = stepTimeout
    self.overallTimeout = overallTimeout ?? stepTimeout * 6
    self.maximumLineLength = maximumLineLength
    self.heloName = heloName ?? Self.hostName()
    self.resolution = resolution ?? NameResolution(timeoutSeconds: max(1, Int(stepTimeout / 2)))
  }

  static func hostName() -> String {
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
    let name = String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return name.isEmpty ? "localhost" : name
  }
}

/// What a running check reports as it goes: the step it starts, and each finished step.
public enum CheckProgress: Sendable {
  case started(CheckStepName)
  case finished(CheckStep)
}
