import Testing

@testable import RelayModel

/// A setting that lists tables (`texthash:/a, texthash:/b`): Postfix looks each key up in
/// the members in turn and stops at the first that has it, or at the first whose lookup
/// fails (`maps_find`); spec §8.
@Suite("Lists of tables in the overrides")
struct TableListTests {
  let dmsAndMine = "sender_dependent_relayhost_maps = texthash:/etc/postfix/relayhost_map, texthash:/tmp/docker-mailserver/mine\n"

  func config(
    main: String, relayMap: String? = "@a.test [dms.test]:587\n@b.test [dms.test]:587\n", sasl: String? = nil,
    tables: [String: String]
  ) -> Configuration {
    var config = withOverrides(
      configuration(relayMap: relayMap, sasl: sasl, accounts: "u@a.test|{X}y\nu@b.test|{X}y\nu@c.test|{X}y\n"), main: main)
    config.overrideTables = tables.mapValues { TextDocument(text: $0) }
    return config
  }

  @Test("the first table with the key wins; a key only a later table has is found there")
  func firstWins() throws {
    let p = try preview(
      config(main: dmsAndMine, tables: ["mine": "@b.test [mine.test]:587\n@c.test [mine.test]:25\n"]), "15.1.0")
    #expect(p.route("x@a.test").nexthop == "[dms.test]:587")
    #expect(p.route("x@b.test").nexthop == "[dms.test]:587")
    #expect(p.route("x@b.test").decidedByOrigin == .file(name: RelayMapFile.fileName, line: 2))
    #expect(p.route("x@c.test").nexthop == "[mine.test]:25")
    #expect(p.route("x@c.test").decidedByOrigin == .file(name: "mine", line: 2))
    #expect(p.route("x@c.test").unpreviewable == nil)
    let shadowed = try #require(p.first(.overrideDisablesRelayMap))
    #expect(shadowed.location == SourceLocation(file: "mine", line: 1))
    #expect(shadowed.message.contains("'@b.test [mine.test]:587' is never used"))
    #expect(shadowed.message.contains("(\(RelayMapFile.fileName):2)"))
    #expect(!p.has(.duplicateKey))
  }

  @Test("the order decides: with the folder's table first, its entry wins")
  func order() throws {
    let main = "sender_dependent_relayhost_maps = texthash:/tmp/docker-mailserver/mine texthash:/etc/postfix/relayhost_map\n"
    let p = try preview(config(main: main, tables: ["mine": "@b.test [mine.test]:587\n"]), "15.1.0")
    #expect(p.route("x@a.test").nexthop == "[dms.test]:587")
    #expect(p.route("x@b.test").nexthop == "[mine.test]:587")
    #expect(p.first(.overrideDisablesRelayMap)?.location == SourceLocation(file: RelayMapFile.fileName, line: 2))
  }

  @Test("a whitespace-led first line of a later table starts no continuation of the table before")
  func noContinuationAcrossFiles() throws {
    let p = try preview(
      config(main: dmsAndMine, tables: ["mine": "  [junk.test]:25\n@c.test [mine.test]:25\n"]), "15.1.0")
    #expect(p.route("x@b.test").nexthop == "[dms.test]:587")
    #expect(p.route("x@b.test").fallbacks.isEmpty)
    #expect(p.route("x@c.test").nexthop == "[mine.test]:25")
  }

  @Test("a first table that is not there fails every lookup, as one table does")
  func firstMissing() throws {
    let main = "sender_dependent_relayhost_maps = texthash:/tmp/docker-mailserver/gone, texthash:/etc/postfix/relayhost_map\n"
    let p = try preview(config(main: main, tables: [:]), "15.1.0")
    #expect(p.route("x@a.test").outcome == .deferred)
    #expect(p.has(.overrideNamesMissingTable))
  }

  @Test("a later table that is missing or has a duplicate key: the routes cannot be previewed, naming it")
  func laterUnusable() throws {
    let missing = try preview(config(main: dmsAndMine, tables: [:]), "15.1.0")
    #expect(missing.route("x@a.test").unpreviewable?.contains("'texthash:/tmp/docker-mailserver/mine' does not exist") == true)
    let duplicate = try preview(
      config(main: dmsAndMine, tables: ["mine": "@c.test [m.test]:25\n@C.test [n.test]:25\n"]), "15.1.0")
    #expect(duplicate.route("x@a.test").unpreviewable?.contains("has a key more than once") == true)
    let ldap = try preview(
      config(main: "sender_dependent_relayhost_maps = texthash:/etc/postfix/relayhost_map, ldap:/etc/postfix/l.cf\n", tables: [:]),
      "15.1.0")
    #expect(ldap.route("x@a.test").unpreviewable?.contains("lists 'ldap:/etc/postfix/l.cf'") == true)
  }

  @Test("a duplicate key in the first table fails every lookup")
  func firstDuplicate() throws {
    let main = "sender_dependent_relayhost_maps = texthash:/tmp/docker-mailserver/mine, texthash:/etc/postfix/relayhost_map\n"
    let p = try preview(config(main: main, tables: ["mine": "@c.test [m.test]:25\n@c.test [n.test]:25\n"]), "15.1.0")
    #expect(p.route("x@a.test").outcome == .deferred)
    #expect(p.route("x@a.test").unpreviewable == nil)
  }

  @Test("credentials from a later password table")
  func saslList() throws {
    let main = """
      sender_dependent_relayhost_maps = texthash:/etc/postfix/relayhost_map
      smtp_sasl_password_maps = texthash:/etc/postfix/sasl_passwd, texthash:/tmp/docker-mailserver/more-passwords

      """
    let p = try preview(
      config(main: main, sasl: "@a.test ua:pa\n", tables: ["more-passwords": "@b.test ub:pb\n@a.test shadow:ps\n"]), "15.1.0")
    #expect(p.route("x@a.test").authUser == "ua")
    #expect(p.route("x@b.test").authUser == "ub")
  }

  @Test("a folder table that replaces DMS's map leaves its entries unused; one that lists it does not")
  func replacesDMSMap() throws {
    let alone = try preview(
      config(main: "sender_dependent_relayhost_maps = texthash:/tmp/docker-mailserver/mine\n", tables: ["mine": "@c.test [m.test]:25\n"]),
      "15.1.0")
    #expect(alone.first(.overrideDisablesRelayMap)?.message.contains("replaces DMS's relay map, so its 2 entries") == true)
    let listed = try preview(config(main: dmsAndMine, tables: ["mine": "@c.test [m.test]:25\n"]), "15.1.0")
    #expect(!listed.has(.overrideDisablesRelayMap))
  }

  @Test("the loader reads every config folder table of a list")
  func loader() throws {
    let loaded = try loadFolder([
      "postfix-main.cf": "transport_maps = texthash:/tmp/docker-mailserver/a.cf,texthash:/tmp/docker-mailserver/b.cf\n",
      "a.cf": "x y\n", "b.cf": "z w\n",
    ])
    #expect(loaded.overrideTables.keys.sorted() == ["a.cf", "b.cf"])
  }

  @Test("a list of tables reads as one, segment by segment")
  func segments() {
    let a = OverrideTable.table(TextDocument(text: "k1 v1\nk2 v2\n"), name: "a")
    let b = OverrideTable.table(TextDocument(text: " cont\nK1 shadowed\nk3 v3\n"), name: "b")
    let table = TexthashTable(GeneratedTable.list([a, b]))
    #expect(table.isUsable)
    #expect(table.lookup("k1")?.value == "v1")
    #expect(table.lookup("k2")?.value == "v2")
    #expect(table.lookup("k3")?.value == "v3")
    #expect(table.droppedLines == [2])
    #expect(table.shadowedLines == [3])
    // An empty member in the middle: the next file still starts its own segment.
    let empty = OverrideTable.table(TextDocument(text: ""), name: "e")
    let c = OverrideTable.table(TextDocument(text: "k3 other\n k4 x\n"), name: "c")
    let three = TexthashTable(GeneratedTable.list([a, empty, b, empty, c]))
    #expect(three.isUsable)
    #expect(three.lookup("k3")?.value == "v3")
    #expect(three.shadowedLines == [3, 5])
    #expect(three.droppedLines == [2])
    #expect(OverrideTable.members(" texthash:/a,texthash:/b \t hash:/c ,, \r") == ["texthash:/a", "texthash:/b", "hash:/c"])
  }
}
