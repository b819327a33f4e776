import ArgumentParser
import RelayModel

/// Turns argument-parser errors into one `dms-relay: error: …` line that never repeats a
/// password (issue 11 §3, §12).
///
/// swift-argument-parser echoes the argument it could not place (`Unknown option
/// '-S3cretX9'`) and adds a usage block. For `add-auth`, every argument in the password's
/// position (the third positional, or anything after it) is scrubbed from the message; when
/// such an argument starts with `-` the parser may have split it into options, so the
/// message is replaced by a hint instead of being scrubbed.
enum ArgumentErrors {
  /// Options of the edit commands that take a value (the value is not a positional).
  static let valueOptions: Set<String> = ["--config-dir", "--env-file", "--compose-file", "--dms-version", "--sender", "--path"]

  /// The single line to print for a parse error of `arguments` (without the program name).
  static func line(for message: String, arguments: [String]) -> String {
    var text = message.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? message
    if text.hasPrefix("Error: ") { text.removeFirst("Error: ".count) }
    let subcommand = arguments.first { !$0.hasPrefix("-") }
    let secrets = passwordArguments(arguments)
    let given = positionals(arguments)
    if let subcommand, let fields = fields[subcommand],
      let empty = given.indices.first(where: { given[$0].isEmpty && $0 < fields.count && fields[$0] != "value" })
    {
      return "the \(fields[empty]) is empty (see 'dms-relay \(subcommand) --help')"
    }
    if secrets.contains(where: { $0.hasPrefix("-") }) {
      return
        "\(subcommand ?? "dms-relay"): the arguments could not be read and are not repeated here, as one is in a password's place; a password starting with '-' must follow '--'"
    }
    for secret in secrets where !secret.isEmpty {
      text = text.replacingAll("'\(secret)'", with: "'\(Redaction.placeholder)'")
      if secret.count >= 4 { text = text.replacingAll(secret, with: Redaction.placeholder) }
    }
    if subcommand != nil, text.first.map({ !$0.isLowercase }) ?? false {
      text = text.prefix(1).lowercased() + text.dropFirst()
    }
    let help = subcommand.map { " (see 'dms-relay \($0) --help')" } ?? " (see 'dms-relay --help')"
    return text + help
  }

  /// The positional fields of the edit commands, in order, as messages name them.
  static let fields: [String: [String]] = [
    "add-domain": ["domain", "host", "port"], "add-auth": ["domain", "user", "password"],
    "exclude-domain": ["domain"], "del-domain": ["domain"], "del-auth": ["domain"],
    "include-domain": ["domain"], "set-env": ["variable name", "value"], "unset-env": ["variable name"],
  ]

  /// The arguments in a password's position: for `add-auth` the third positional onwards,
  /// for `set-env RELAY_PASSWORD|SASL_PASSWD` the second onwards.
  static func passwordArguments(_ arguments: [String]) -> [String] {
    let given = positionals(arguments)
    switch arguments.first(where: { !$0.hasPrefix("-") }) {
    case "add-auth": return Array(given.dropFirst(2))
    case "set-env" where given.first.map(RelayEnvironment.secretKeys.contains) ?? false: return Array(given.dropFirst(1))
    default: return []
    }
  }

  /// The positional arguments after the subcommand (option values and flags left out).
  static func positionals(_ arguments: [String]) -> [String] {
    guard let start = arguments.firstIndex(where: { !$0.hasPrefix("-") }) else { return [] }
    var positionals: [String] = []
    var index = start + 1
    var afterTerminator = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if afterTerminator {
        positionals.append(argument)
        continue
      }
      if argument == "--" {
        afterTerminator = true
        continue
      }
      let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
      if valueOptions.contains(name) {
        if !argument.contains("=") { index += 1 }
        continue
      }
      if ["--password-stdin", "--dry-run", "--show-secrets", "-h", "--help"].contains(argument) { continue }
      positionals.append(argument)
    }
    return positionals
  }
}

extension String {
  /// Every occurrence of `target` replaced (no Foundation in this target's helpers).
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var out = ""
    var rest = self[...]
    while let range = rest.firstRange(of: target) {
      out += rest[..<range.lowerBound]
      out += replacement
      rest = rest[range.upperBound...]
    }
    return out + rest
  }
}
