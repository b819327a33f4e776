/// Credentials on direct mail (spec §11).
///
/// With `smtp_sender_dependent_authentication = yes`, Postfix's `smtp_sasl_passwd_lookup()`
/// looks the sender up in the credentials table whatever the next hop is, so a sender
/// whose mail goes direct but has an entry there offers that user and password to every
/// recipient MX that advertises AUTH. And the lookup runs only when the server advertises
/// AUTH, so an unusable table (a duplicate key) defers direct mail exactly then. Public MX
/// hosts rarely advertise AUTH: the route stays `direct`, and says both.
extension Router {
  /// Records the entry at `position` as offered to any MX that advertises AUTH.
  func offerToMX(_ saslTable: TexthashTable, _ position: Int, to route: inout Route) {
    route.mxAuthUser = Self.saslUser(saslTable.entries[position].value)
    route.mxAuthEntry = position
    route.warnings.append(
      RouteWarning(
        "credentials-on-direct",
        "sasl_passwd:\(saslTable.entries[position].key) would be offered to any MX that advertises AUTH"))
  }

  /// Marks direct mail that an MX advertising AUTH makes Postfix defer, the credentials
  /// table being unusable.
  func markDeferredByMXAuth(_ route: inout Route) {
    route.deferredByMXAuth = true
    route.warnings.append(
      RouteWarning(
        "mx-auth-defers",
        "sasl_passwd is unusable (a duplicate key), so a recipient MX that advertises AUTH makes Postfix defer this mail"))
  }
}
