/// A warning attached to one route, with a stable code for tests and JSON.
public struct RouteWarning: Hashable, Sendable, Codable {
  public var code: String
  public var message: String

  public init(_ code: String, _ message: String) {
    self.code = code
    self.message = message
  }
}
