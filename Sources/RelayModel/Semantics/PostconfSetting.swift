/// One `postconf 'key = value'` call DMS makes.
public struct PostconfSetting: Hashable, Sendable, Codable, CustomStringConvertible {
  public var key: String
  public var value: String

  public init(_ key: String, _ value: String) {
    self.key = key
    self.value = value
  }

  public var description: String { "\(key) = \(value)" }
}
