extension Reports {
  /// `route --json`: the routes as an array.
  public static func routesJSON(_ routes: [Route], to sink: (UnsafeRawBufferPointer) -> Void) {
    var json = JSONWriter(capacity: 512 * max(1, routes.count))
    json.beginArray()
    routes.withUnsafeBufferPointer { routes in
      for index in routes.indices { writeRoute(routes.baseAddress! + index, into: &json) }
    }
    json.endArray()
    json.finish(to: sink)
  }

  /// `route`'s text: the summary, what decided it and where that came from, TLS, warnings;
  /// each line one terminal line (control characters in addresses and values escaped).
  public static func routeText(_ routes: [Route]) -> String {
    var out = ""
    func line(_ text: String) { out += ControlEscaping.line(text) + "\n" }
    for route in routes {
      line("\(route.sender): \(route.summary)")
      if let rewritten = route.rewrittenSender { line("  looked up as \(rewritten) (SRS)") }
      if route.unpreviewable != nil {
        line("  as far as the readable settings go: \(route.outcome.rawValue)\(route.reason.map { " (\($0))" } ?? "")")
      }
      if let by = route.decidedBy {
        line("  decided by \(by)\(route.decidedByOrigin.map { " (\($0.reference))" } ?? "")")
      }
      if let auth = route.authDecidedBy {
        line("  credentials from \(auth)\(route.authOrigin.map { " (\($0.reference))" } ?? "")")
      }
      if let hops = route.fallbacksText {
        line("  fallbacks, tried when \(route.nexthop ?? "the first hop") fails: \(hops)")
      }
      line("  TLS: \(route.tls)")
      for warning in route.warnings { line("  warning: \(warning.message)") }
    }
    return out
  }

  /// The route schema, the only place it is written: `route --json`, `preview --json` and
  /// `compare --json` all call it. The route is read in place: a copy retains and releases
  /// each of its Strings, which two cores writing routes that share a relay then contend for.
  static func writeRoute(_ route: UnsafePointer<Route>, into json: inout JSONWriter) {
    json.beginObject()
    json.member("sender", route.pointee.sender)
    json.member("outcome", route.pointee.outcome.rawValue)
    json.member("nexthop", route.pointee.nexthop)
    json.member("relay", route.pointee.relay)
    json.member("auth_user", route.pointee.authUser)
    json.key("decided_by")
    writeDecider(route.pointee.decider, sender: route.pointee.sender, into: &json)
    json.key("source")
    writeOrigin(route.pointee.decidedByOrigin, into: &json)
    json.key("auth_source")
    writeOrigin(route.pointee.authOrigin, into: &json)
    json.member("tls", route.pointee.tls)
    json.member("reason", route.pointee.reason)
    json.member("rewritten_sender", route.pointee.rewrittenSender)
    json.member("unpreviewable", route.pointee.unpreviewable)
    json.key("warnings")
    json.beginArray()
    for warning in route.pointee.warnings { json.string(warning.message) }
    json.endArray()
    json.key("fallbacks")
    json.beginArray()
    for hop in route.pointee.fallbacks {
      json.beginObject()
      json.member("nexthop", hop.written)
      json.member("relay", hop.relay)
      json.key("usable")
      json.bool(hop.isUsable)
      json.member("problem", hop.problem)
      json.member("auth_user", hop.authUser)
      json.endObject()
    }
    json.endArray()
    json.member("mx_auth_user", route.pointee.mxAuthUser)
    json.key("deferred_if_mx_offers_auth")
    json.bool(route.pointee.deferredByMXAuth)
    json.endObject()
  }

  /// `decider.text(sender:)`, without building the String.
  private static func writeDecider(_ decider: Route.Decider, sender: String, into json: inout JSONWriter) {
    switch decider {
    case .none: json.null()
    case .text(let text): json.string(text)
    case .senderKey(let table):
      json.string { out in
        out.append(jsonStringContent: table.rawValue)
        out.append(UInt8(ascii: ":"))
        out.append(jsonStringContent: sender)
      }
    }
  }

  private static func writeOrigin(_ origin: LineOrigin?, into json: inout JSONWriter) {
    guard let origin else { return json.null() }
    json.string { origin.writeReference(into: &$0) }
  }
}
