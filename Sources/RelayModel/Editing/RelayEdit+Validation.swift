#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension RelayEdit {
  /// Checks every value the edit carries; throws the first problem, naming the field.
  ///
  /// DMS's scripts check only that values are non-empty and then splice them into a
  /// regex, a `sed` replacement and a Postfix table; the rules here keep each of those
  /// readings identical (a domain has no regex characters other than `.`, a user has no
  /// `:` that would move Postfix's user/password split, nothing contains a line break).
  public func validate() throws(EditError) {
    switch self {
    case .addDomain(let domain, let host, let port):
      try Self.validateDomain(domain)
      try Self.validateHost(host)
      try Self.validatePort(port)
    case .addAuth(let domain, let user, let password):
      try Self.validateDomain(domain)
      try Self.validateUser(user)
      try Self.validatePassword(password)
    case .excludeDomain(let domain), .delDomain(let domain), .delAuth(let domain),
      .includeDomain(let domain):
      try Self.validateDomain(domain)
    case .setEnv(let key, let value):
      try Self.validateEnvKey(key)
      try Self.validateEnvValue(value, key: key)
    case .unsetEnv(let key):
      try Self.validateEnvKey(key)
    }
  }

  /// Parses a port typed by the admin (`587`), for the CLI and the edit form.
  public static func parsePort(_ text: String) throws(EditError) -> Int {
    let trimmed = text.trimmingWhitespace()
    guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }) else {
      throw .invalid(.port, value: text, reason: "is not a number (expected 1-65535)")
    }
    guard trimmed.count <= 5, let port = Int(trimmed) else {
      throw .invalid(.port, value: text, reason: "is out of range (expected 1-65535)")
    }
    try validatePort(port)
    return port
  }

  public static func validatePort(_ port: Int) throws(EditError) {
    guard (1...65535).contains(port) else {
      throw .invalid(.port, value: String(port), reason: "is out of range (expected 1-65535)")
    }
  }

  /// A DNS domain in ASCII: labels of letters, digits and `-`, no label starting or ending
  /// with `-`, each at most 63 characters, at most 253 in all. IDNs in punycode (`xn--…`)
  /// pass; Unicode spellings are refused because DMS's keys are compared byte for byte.
  public static func validateDomain(_ domain: String) throws(EditError) {
    if let problem = domainProblem(domain, allowAllNumeric: false) {
      throw .invalid(.domain, value: domain, reason: problem)
    }
  }

  /// A relay host: a host name, an IPv4 address or an IPv6 address, without brackets
  /// (DMS adds them: `[HOST]:PORT`) and without a port.
  public static func validateHost(_ host: String) throws(EditError) {
    if host.isEmpty { throw .invalid(.host, value: host, reason: "is empty") }
    if host.hasPrefix("[") || host.hasSuffix("]") {
      throw .invalid(
        .host, value: host,
        reason: "must be given without brackets; dms-relay writes '[HOST]:PORT' itself")
    }
    if isIPv4(host) || isIPv6(host) { return }
    if host.contains(":") {
      throw .invalid(
        .host, value: host,
        reason: "must not contain a port or ':'; give the port as its own argument")
    }
    if let problem = domainProblem(host, allowAllNumeric: false) {
      throw .invalid(.host, value: host, reason: problem)
    }
  }

  /// A SASL user: non-empty, no whitespace (which would end the table value) and no `:`
  /// (Postfix splits user and password at the first `:`).
  public static func validateUser(_ user: String) throws(EditError) {
    if user.isEmpty { throw .invalid(.user, value: user, reason: "is empty") }
    if user.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
      throw .invalid(.user, value: user, reason: "must not contain whitespace or control characters")
    }
    if user.contains(":") {
      throw .invalid(
        .user, value: user,
        reason: "must not contain ':'; Postfix splits 'user:password' at the first ':'")
    }
  }

  /// A SASL password: non-empty and on one line. Never echoed in messages.
  public static func validatePassword(_ password: String) throws(EditError) {
    if password.isEmpty { throw .invalid(.password, value: nil, reason: "is empty") }
    if password.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) {
      throw .invalid(.password, value: nil, reason: "must not contain a line break")
    }
  }

  /// A relay variable, or its `__FILE` form (DMS 15.1+ reads the value from that file, spec §10).
  public static func validateEnvKey(_ key: String) throws(EditError) {
    let target = key.hasSuffix("__FILE") ? String(key.dropLast("__FILE".count)) : key
    guard editableEnvKeys.contains(target) else {
      throw .invalid(
        .envKey, value: key,
        reason: "is not a relay variable (expected one of \(editableEnvKeys.joined(separator: ", ")))")
    }
  }

  /// One line, and for the variables DMS splices into `[RELAY_HOST]:RELAY_PORT`, a value
  /// that survives that splice (spec §4: `RELAY_HOST=host:587` becomes `[host:587]:25`).
  public static func validateEnvValue(_ value: String, key: String) throws(EditError) {
    let shown = RelayEnvironment.secretKeys.contains(key) ? nil : value
    if value.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\0" }) {
      throw .invalid(.envValue, value: shown, reason: "of \(key) must not contain a line break")
    }
    if value.isEmpty { return }
    switch key {
    case "RELAY_PORT":
      guard value.allSatisfy({ $0.isASCII && $0.isNumber }), value.count <= 5, let port = Int(value),
        (1...65535).contains(port)
      else {
        throw .invalid(.envValue, value: value, reason: "of RELAY_PORT is not a port (expected 1-65535)")
      }
    case "RELAY_HOST":
      do { try validateHost(value) } catch {
        if case .invalid(_, _, let reason) = error {
          throw .invalid(.envValue, value: value, reason: "of RELAY_HOST \(reason)")
        }
        throw error
      }
    default:
      break
    }
  }

  // MARK: - Syntax helpers

  static func domainProblem(_ name: String, allowAllNumeric: Bool) -> String? {
    if name.isEmpty { return "is empty" }
    if name.hasPrefix("@") { return "must be given without the leading '@'" }
    if !name.unicodeScalars.allSatisfy(\.isASCII) {
      return "is not ASCII; give an internationalised domain in its punycode form (xn--…)"
    }
    if name.utf8.count > 253 { return "is longer than 253 characters" }
    if name.hasSuffix(".") { return "must not end with '.'" }
    let labels = name.split(separator: ".", omittingEmptySubsequences: false)
    for label in labels {
      if label.isEmpty { return "has an empty label (two dots in a row or a leading dot)" }
      if label.utf8.count > 63 { return "has a label longer than 63 characters ('\(label)')" }
      if let bad = label.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-")) }) {
        return "contains '\(bad)'; only letters, digits, '-' and '.' are allowed"
      }
      if label.hasPrefix("-") || label.hasSuffix("-") {
        return "has a label starting or ending with '-' ('\(label)')"
      }
    }
    if !allowAllNumeric, labels.count > 1, labels.last!.allSatisfy(\.isNumber) {
      return "is neither a host name nor an IPv4 address (its last label is numeric)"
    }
    return nil
  }

  static func isIPv4(_ text: String) -> Bool {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4 else { return false }
    return parts.allSatisfy { part in
      !part.isEmpty && part.count <= 3 && part.allSatisfy { $0.isASCII && $0.isNumber }
        && Int(part)! <= 255 && !(part.count > 1 && part.hasPrefix("0"))
    }
  }

  static func isIPv6(_ text: String) -> Bool {
    guard text.contains(":"), text.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
      return false
    }
    var buffer = [UInt8](repeating: 0, count: 16)
    return text.withCString { inet_pton(AF_INET6, $0, &buffer) } == 1
  }
}
