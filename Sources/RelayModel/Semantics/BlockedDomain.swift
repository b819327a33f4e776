/// A managed domain that got no `RELAY_HOST` entry because one of DMS's `grep` checks
/// matched: a line of the relay map being built, or an opt-out line of the admin's file.
public struct BlockedDomain: Hashable, Sendable {
  /// The domain's bytes, as DMS read it.
  var bytes: ArraySlice<UInt8>
  /// How many lines `relayhostMap` had at that moment: a matching line is among them.
  public var tableLines: Int
  /// True when the opt-out check matched (`grep "^\s*@${DOMAIN}\s*$" postfix-relaymap.cf`).
  public var byOptOut = false

  public var domain: String { Bytes.string(bytes) }
}
