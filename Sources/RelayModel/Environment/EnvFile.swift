/// An env file as `docker run --env-file` and compose's `env_file:` read it, kept lossless.
///
/// Rules (docker's): one `KEY=VALUE` a line, the value taken verbatim to the end of the line
/// (a CRLF `\r` excluded); lines whose first non-blank character is `#` and blank lines are
/// ignored; a line with a key and no `=` passes the variable through from the caller's
/// environment (reported as `passThrough`, since this tool cannot see that environment).
public struct EnvFile: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    case assignment(key: String, value: String)
    case passThrough(key: String)
    case comment
    case blank
    case malformed(reason: String)
  }

  public var document: TextDocument

  public init(document: TextDocument = TextDocument()) { self.document = document }
  public init(bytes: [UInt8]) { self.init(document: TextDocument(bytes: bytes)) }

  public static func classify(_ line: Line) -> Kind {
    let body = line.content
    if Bytes.isBlank(body) { return .blank }
    if Bytes.isComment(body) { return .comment }
    let start = Bytes.firstNonSpace(body)
    let text = Bytes.string(body[start...])
    guard let eq = text.firstIndex(of: "=") else {
      let key = text.trimmingWhitespace()
      return key.contains(where: \.isWhitespace)
        ? .malformed(reason: "expected KEY=VALUE") : .passThrough(key: key)
    }
    let key = String(text[..<eq]).trimmingWhitespace()
    guard !key.isEmpty, !key.contains(where: \.isWhitespace) else {
      return .malformed(reason: "'\(key)' is not a variable name")
    }
    return .assignment(key: key, value: String(text[text.index(after: eq)...]))
  }

  public var kinds: [Kind] { document.lines.map(Self.classify) }

  /// The assignments in file order, later ones overriding earlier ones, with their lines.
  public func environment(path: String) -> RelayEnvironment {
    var env = RelayEnvironment()
    for (index, kind) in kinds.enumerated() {
      if case .assignment(let key, let value) = kind {
        env.set(key, value, origin: .envFile(path: path, line: index + 1))
      }
    }
    return env
  }
}
