import Testing
@testable import RelayModel

@Suite("The router reads the admin's overrides")
struct RouterOverridesTests {
  func preview15(_ config: Configuration) throws -> RoutingPreview { try preview(config, "15.1.0") }

  let relay465 = configuration(relayMap: "@a.test [r.test]:465\n", sasl: "@a.test u:p\n", accounts: "u@b.test|{X}y\n")

  @Test("relayhost in postfix-main.cf takes senders without an entry there; entries keep theirs")
  func relayhostOverride() throws {
    let config = withOverrides(configuration(relayMap: "@a.test [r.test]:587\n"), main: "relayhost = [o.test]:587\n")
    let p = try preview15(config)
    #expect(p.route("x@other.test").nexthop == "[o.test]:587")
    #expect(p.route("x@other.test").decidedBy == "relayhost")
    #expect(p.route("x@a.test").nexthop == "[r.test]:587")
  }

  @Test("wrappermode with encrypt globally: the 465 relay works, direct mail is deferred")
  func wrappermodeGlobal() throws {
    let p = try preview15(withOverrides(relay465, main: "smtp_tls_wrappermode = yes\n"))
    #expect(p.route("x@a.test").outcome == .relayed)
    #expect(p.route("x@a.test").authUser == "u")
    #expect(p.route("x@b.test").outcome == .deferred)
    #expect(p.route("x@b.test").reason == Router.wrappermodeDirectReason)
    #expect(!p.has(.port465))
    #expect(p.has(.wrappermodeBreaksDirect))
  }

  @Test("the null sender gets the same delivery settings: DMS's relay demo (465 + wrappermode) relays bounces too")
  func nullSenderWrappermode() throws {
    let demo = configuration(
      env: ["DEFAULT_RELAY_HOST": "[smtp.example.com]:465", "RELAY_USER": "u", "RELAY_PASSWORD": "p"])
    let p = try preview15(withOverrides(demo, main: "smtp_tls_wrappermode = yes\nsmtp_tls_security_level = encrypt\n"))
    #expect(p.route("<>").outcome == .relayed)
    #expect(p.route("<>").relay == "smtp.example.com:465")
    #expect(!p.has(.port465))
    let plain = try preview15(demo)
    #expect(plain.route("<>").outcome == .deferred)
    #expect(plain.route("<>").reason == PostfixFacts.implicitTLSRouteReason)
  }

  @Test("without wrappermode the 465 relay times out, as before")
  func no465WithoutWrappermode() throws {
    let p = try preview15(relay465)
    #expect(p.route("x@a.test").outcome == .deferred)
    #expect(p.route("x@a.test").reason == PostfixFacts.implicitTLSRouteReason)
    #expect(p.has(.port465))
  }

  @Test("wrappermode as -o on the smtp transport (postfix-master.cf) counts like the global one")
  func wrappermodeOnTransport() throws {
    let p = try preview15(withOverrides(relay465, master: "smtp/unix/smtp_tls_wrappermode=yes\n"))
    #expect(p.route("x@a.test").outcome == .relayed)
    #expect(p.route("x@b.test").outcome == .deferred)
    // On the relay transport only, it never applies: default_transport is smtp.
    let relayOnly = try preview15(withOverrides(relay465, master: "relay/unix/smtp_tls_wrappermode=yes\n"))
    #expect(relayOnly.route("x@a.test").outcome == .deferred)
    #expect(relayOnly.route("x@b.test").outcome == .direct)
  }

  @Test("wrappermode below encrypt defers every message, relayed or direct")
  func wrappermodeBelowEncrypt() throws {
    let config = withOverrides(configuration(relayMap: "@a.test [r.test]:465\n"), main: "smtp_tls_wrappermode = yes\n")
    let p = try preview15(config)
    #expect(p.route("x@a.test").outcome == .deferred)
    #expect(p.route("x@a.test").reason?.contains("requires smtp_tls_security_level = encrypt") == true)
    #expect(p.route("x@c.test").outcome == .deferred)
    #expect(p.has(.wrappermodeBelowEncrypt))
  }

  @Test("wrappermode toward a STARTTLS port (587) fails the handshake")
  func wrappermodeOn587() throws {
    let config = withOverrides(
      configuration(relayMap: "@a.test [r.test]:587\n", sasl: "@a.test u:p\n"), main: "smtp_tls_wrappermode = yes\n")
    let route = try preview15(config).route("x@a.test")
    #expect(route.outcome == .deferred)
    #expect(route.reason?.contains("port 587 of the relay expects plain SMTP") == true)
  }

  @Test("a line without '=' drops every relay setting: all mail goes direct with TLS none")
  func emptiedMainCf() throws {
    for version in ["11.3.1", "12.1.0", "13.3.1", "15.1.0", "edge"] {
      let config = withOverrides(
        configuration(relayMap: "@a.test [r.test]:587\n", env: ["RELAY_HOST": "r.test"]), main: "smtp_tls_wrappermode yes\n")
      let p = try preview(config, version)
      #expect(p.route("x@a.test").outcome == .direct, "\(version)")
      #expect(p.route("x@a.test").tls == "none")
      let d = try #require(p.first(.mainCfMissingEquals))
      // v11–v13 send postconf's error to /dev/null; v14+ log it.
      #expect(d.message.hasSuffix("also hides postconf's error)") == (version.hasPrefix("1") && version < "14"), "\(version)")
    }
  }

  @Test("noplaintext in the SASL security options (Postfix's default, DMS sets noanonymous) defers AUTH over PLAIN/LOGIN")
  func noplaintext() throws {
    let base = configuration(relayMap: "@a.test [r.test]:587\n", sasl: "@a.test u:p\n")
    let p = try preview(withOverrides(base, main: "smtp_sasl_security_options = noplaintext, noanonymous\n"), "15.1.0")
    #expect(p.route("x@a.test").outcome == .deferred)
    #expect(p.route("x@a.test").reason?.contains("smtp_sasl_tls_security_options = 'noplaintext, noanonymous'") == true)
    // The TLS variant decides under TLS: setting it alone to noanonymous lets PLAIN through.
    let tlsOnly = withOverrides(
      base, main: "smtp_sasl_security_options = noplaintext\nsmtp_sasl_tls_security_options = noanonymous\n")
    #expect(try preview(tlsOnly, "15.1.0").route("x@a.test").outcome == .relayed)
    #expect(try preview(base, "15.1.0").route("x@a.test").outcome == .relayed)
  }

  @Test("known_tcp_ports from postfix-main.cf names the ports a next hop may use")
  func knownTCPPorts() throws {
    let config = withOverrides(
      configuration(relayMap: "@a.test [r.test]:mysubmit\n@b.test [r.test]:submission\n"),
      main: "known_tcp_ports = mysubmit=2525, smtp=25\n")
    let p = try preview15(config)
    #expect(p.route("x@a.test").relay == "r.test:2525")
    // The table replaces the default: 'submission' is no longer known, so the next hop does not
    // parse and the smtp client dies on it (spec §5).
    #expect(p.route("x@b.test").outcome == .error)
    #expect(Router.knownTCPPorts("smtps=submissions=465 , bad=x, =1") == ["smtps": 465, "submissions": 465])
  }

  @Test("a table the preview cannot read names itself on every route; the outcome stays as computed")
  func unpreviewable() throws {
    let config = withOverrides(
      configuration(relayMap: "@a.test [r.test]:587\n"), main: "transport_maps = tcp:127.0.0.1:2000\n")
    let route = try preview15(config).route("x@a.test")
    #expect(route.unpreviewable == "transport_maps = 'tcp:127.0.0.1:2000' is a table the preview cannot read")
    #expect(route.outcome == .relayed)
    #expect(route.summary.hasPrefix("cannot be previewed: transport_maps"))
    let other = withOverrides(
      configuration(relayMap: "@a.test [r.test]:587\n"),
      main: "sender_dependent_relayhost_maps = ldap:/etc/postfix/ldap-relay.cf\n")
    let p = try preview15(other)
    #expect(p.route("x@a.test").unpreviewable?.contains("sender_dependent_relayhost_maps") == true)
    #expect(p.route("x@a.test").outcome == .direct)
  }

  @Test("default_transport naming a next hop or another transport cannot be previewed")
  func defaultTransport() throws {
    for value in ["smtp:[o.test]:465", "error"] {
      let config = withOverrides(configuration(relayMap: "@a.test [r.test]:587\n"), main: "default_transport = \(value)\n")
      #expect(try preview15(config).route("x@a.test").unpreviewable?.contains("default_transport") == true)
    }
    let relay = withOverrides(configuration(relayMap: "@a.test [r.test]:587\n"), main: "default_transport = relay\n")
    #expect(try preview15(relay).route("x@a.test").unpreviewable == nil)
  }

  @Test("DMS's own table named where DMS wrote none: every lookup fails, all mail is deferred")
  func missingDMSTable() throws {
    let config = withOverrides(
      configuration(accounts: "u@a.test|{X}y\n"), main: "sender_dependent_relayhost_maps = texthash:/etc/postfix/relayhost_map\n")
    let route = try preview15(config).route("x@a.test")
    #expect(route.outcome == .deferred)
    #expect(route.reason?.contains("address resolver failure") == true)
    let sasl = withOverrides(
      configuration(relayMap: "@a.test [r.test]:587\n"),
      main: "smtp_sasl_auth_enable = yes\nsmtp_sasl_password_maps = texthash:/etc/postfix/sasl_passwd\n")
    let p = try preview15(sasl)
    #expect(p.route("x@a.test").outcome == .deferred)
    #expect(p.route("x@c.test").outcome == .direct)
  }

  @Test("the route JSON carries 'unpreviewable' (null when the route could be previewed)")
  func json() throws {
    let config = withOverrides(configuration(relayMap: "@a.test [r.test]:587\n"), main: "smtp_tls_policy_maps = ldap:x\n")
    let routes = [try preview15(config).route("x@a.test"), try preview15(configuration()).route("x@a.test")]
    var bytes: [UInt8] = []
    Reports.routesJSON(routes) { bytes += $0 }
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains("\"unpreviewable\": \"smtp_tls_policy_maps = 'ldap:x' is a table the preview cannot read\""))
    #expect(text.contains("\"unpreviewable\": null"))
  }

  @Test("the config folder loader reads postfix-main.cf, postfix-master.cf and user-patches.sh")
  func loader() throws {
    let loaded = try loadFolder([
      "postfix-main.cf": "relayhost = [o.test]:587\n", "postfix-master.cf": "smtp/unix/smtp_tls_wrappermode=yes\n",
      "user-patches.sh": "#!/bin/bash\n",
    ])
    #expect(loaded.postfixMain?.value("relayhost")?.value == "[o.test]:587")
    #expect(loaded.postfixMaster?.overrides(family: .v14plus).count == 1)
    #expect(loaded.hasUserPatches)
    let none = try loadFolder([:])
    #expect(none.postfixMain == nil && none.postfixMaster == nil && !none.hasUserPatches)
  }
}

@Suite("The preview says which state it shows when the overrides make them differ")
struct ShownStateTests {
  @Test("a postfix-main.cf value change detection writes back: the note names the restart state")
  func note() throws {
    let config = withOverrides(
      configuration(relayMap: "@a.test [r.test]:587\n", sasl: "@a.test u:p\n"), main: "smtp_tls_security_level = may\n")
    let p = try preview(config, "15.1.0")
    #expect(p.shownStateNote?.hasPrefix("Shown: the state after a restart; after change detection") == true)
    #expect(Reports.previewText(p).plain.contains("Shown: the state after a restart"))
    #expect(try preview(configuration(relayMap: "@a.test [r.test]:587\n"), "15.1.0").shownStateNote == nil)
  }
}

@Suite("route's text for a route that cannot be previewed")
struct UnpreviewableTextTests {
  @Test("the summary names the table; the next line says what the readable settings give")
  func text() throws {
    let config = withOverrides(
      configuration(relayMap: "@a.test [r.test]:465\n"), main: "transport_maps = tcp:127.0.0.1:2000\n")
    let text = Reports.routeText([try preview(config, "15.1.0").route("x@a.test")])
    let lines = text.split(separator: "\n")
    #expect(lines[0] == "x@a.test: cannot be previewed: transport_maps = 'tcp:127.0.0.1:2000' is a table the preview cannot read")
    #expect(lines[1].hasPrefix("  as far as the readable settings go: deferred (port 465"))
  }
}
