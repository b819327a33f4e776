/// The Postfix state DMS produces from a configuration: what `generate` shows.
public struct GeneratedState: Hashable, Sendable {
  public var family: VersionFamily
  public var path: GenerationPath
  /// `nil` where DMS writes no file at all (distinct from an empty table).
  public var relayhostMap: GeneratedTable?
  public var saslPasswd: GeneratedTable?
  public var postconf: [PostconfSetting]
  /// Config files DMS itself rewrites in place (v14+ normalises CRLF and final newlines).
  public var modifiedInputs: [String]
  /// The sorted managed domains DMS considered for `RELAY_HOST` entries, as it read them
  /// (kept as bytes: most previews never need them as Strings).
  var managedDomainBytes: [ArraySlice<UInt8>]

  public var managedDomains: [String] { managedDomainBytes.map(Bytes.string) }
  /// The managed domains that got no `RELAY_HOST` entry because DMS's checks matched a line
  /// already in `relayhostMap` or an opt-out (their own, or a prefix/dot collision), in order.
  public var blockedDomains: [BlockedDomain] = []

  /// The value DMS leaves for a `main.cf` key (last write wins), or nil when never set.
  public func setting(_ key: String) -> String? {
    postconf.last { $0.key == key }?.value
  }
}
