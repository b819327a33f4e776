import Yams

/// The docker-mailserver service of a compose file: what it tells about the container's
/// environment, config folder and DMS version.
///
/// Compose's rules apply (docs.docker.com "Set environment variables"): `environment:`
/// (map or `KEY=VALUE` list) beats every `env_file:`; among env files a later one beats an
/// earlier one; env file paths are relative to the compose file's folder. The DMS service is
/// the one whose `image` contains `docker-mailserver`, else the one named `mailserver`.
public struct ComposeService: Hashable, Sendable {
  /// An `env_file:` entry, resolved against the compose file's folder.
  public struct EnvFileReference: Hashable, Sendable {
    public var path: String
    /// `required: false` (compose ≥ 2.24) lets the file be missing.
    public var isRequired: Bool

    public init(path: String, isRequired: Bool = true) {
      self.path = path
      self.isRequired = isRequired
    }
  }

  /// One `environment:` entry; `value` nil for `KEY` alone or `KEY:` with no value, which
  /// compose takes from the shell running it (unknown to this tool).
  public struct Variable: Hashable, Sendable {
    public var key: String
    public var value: String?
    /// 1-based line in the compose file.
    public var line: Int?

    public init(key: String, value: String?, line: Int? = nil) {
      self.key = key
      self.value = value
      self.line = line
    }
  }

  /// The compose file's path as given.
  public var file: String
  public var name: String
  public var image: String?
  public var environment: [Variable]
  public var envFiles: [EnvFileReference]
  public var hostname: String?
  public var domainname: String?
  /// The host folder bind-mounted at `/tmp/docker-mailserver`, resolved like env files.
  public var configDirectory: String?
  /// Every `volumes:` entry and secret, for mapping `__FILE` paths (spec §10).
  public var mounts: [Mount] = []

  public init(
    file: String, name: String, image: String? = nil, environment: [Variable] = [],
    envFiles: [EnvFileReference] = [], hostname: String? = nil, domainname: String? = nil,
    configDirectory: String? = nil
  ) {
    self.file = file
    self.name = name
    self.image = image
    self.environment = environment
    self.envFiles = envFiles
    self.hostname = hostname
    self.domainname = domainname
    self.configDirectory = configDirectory
  }

  /// Keys set inline in `environment:`, which no env file can override.
  public var inlineKeys: Set<String> { Set(environment.map(\.key)) }

  /// The image's tag: `…/docker-mailserver:13.3.1` → `13.3.1`; no tag → `latest`; nil with no image.
  /// A digest (`@sha256:…`) is returned whole so `DMSVersion.parse` reports it.
  public var imageTag: String? {
    guard let image else { return nil }
    if let at = image.firstIndex(of: "@") { return String(image[at...].dropFirst()) }
    let lastComponent = image.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
    if let colon = lastComponent.lastIndex(of: ":") {
      return String(lastComponent[lastComponent.index(after: colon)...])
    }
    return "latest"
  }

  /// The DMS version the image tag names.
  public func version() throws(DMSVersion.ParseError) -> DMSVersion? {
    guard let tag = imageTag else { return nil }
    return try DMSVersion.parse(tag)
  }
}

/// Why a compose file could not be used.
public enum ComposeError: Error, Hashable, Sendable, CustomStringConvertible {
  case invalidYAML(file: String, reason: String)
  case unexpectedShape(file: String, line: Int?, reason: String)
  case noMailserverService(file: String, services: [String])

  public var description: String {
    switch self {
    case .invalidYAML(let file, let reason):
      return "\(file): not valid YAML: \(reason)"
    case .unexpectedShape(let file, let line, let reason):
      return "\(SourceLocation(file: file, line: line)): \(reason)"
    case .noMailserverService(let file, let services):
      let list = services.isEmpty ? "none" : services.map { "'\($0)'" }.joined(separator: ", ")
      return
        "\(file): no docker-mailserver service (no image containing 'docker-mailserver' and no service named 'mailserver'; services: \(list))"
    }
  }
}

extension ComposeService {
  /// Finds and reads the DMS service of compose file `file` (its text `yaml`).
  public static func parse(yaml: String, file: String) throws(ComposeError) -> ComposeService {
    let root: Node?
    do {
      root = try Yams.compose(yaml: yaml)
    } catch let error as YamlError {
      throw .invalidYAML(file: file, reason: Self.describe(error))
    } catch {
      throw .invalidYAML(file: file, reason: "\(error)")
    }
    guard let top = root?.mapping else {
      throw .unexpectedShape(file: file, line: root?.mark?.line, reason: "the top level is not a mapping")
    }
    guard let services = top["services"]?.mapping else {
      throw .noMailserverService(file: file, services: [])
    }
    let entries: [(name: String, node: Node)] = services.compactMap { key, value in
      key.string.map { ($0, value) }
    }
    func image(_ node: Node) -> String? { node.mapping?["image"]?.string }
    let chosen =
      entries.first { image($0.node)?.contains("docker-mailserver") == true }
      ?? entries.first { $0.name == "mailserver" }
    guard let (name, node) = chosen else {
      throw .noMailserverService(file: file, services: entries.map(\.name))
    }
    guard let service = node.mapping else {
      throw .unexpectedShape(file: file, line: node.mark?.line, reason: "service '\(name)' is not a mapping")
    }
    let folder = Self.folder(of: file)
    var result = ComposeService(file: file, name: name, image: service["image"]?.string)
    result.hostname = service["hostname"]?.string
    result.domainname = service["domainname"]?.string
    result.environment = try environment(service["environment"], file: file)
    result.envFiles = try envFiles(service["env_file"], file: file).map {
      EnvFileReference(path: resolve($0.path, against: folder), isRequired: $0.isRequired)
    }
    result.configDirectory = configDirectory(service["volumes"]).map { resolve($0, against: folder) }
    result.mounts = mounts(service: service, top: top, folder: folder)
    return result
  }

  static func environment(_ node: Node?, file: String) throws(ComposeError) -> [Variable] {
    guard let node else { return [] }
    if let map = node.mapping {
      return map.compactMap { key, value -> Variable? in
        guard let name = key.string else { return nil }
        let isNull = value.scalar.map { $0.style == .plain && value.null != nil } ?? false
        return Variable(key: name, value: isNull ? nil : value.scalar?.string, line: key.mark?.line)
      }
    }
    if let list = node.sequence {
      return list.compactMap { item -> Variable? in
        guard let text = item.scalar?.string else { return nil }
        guard let eq = text.firstIndex(of: "=") else {
          return Variable(key: text, value: nil, line: item.mark?.line)
        }
        return Variable(
          key: String(text[..<eq]), value: String(text[text.index(after: eq)...]), line: item.mark?.line)
      }
    }
    throw .unexpectedShape(
      file: file, line: node.mark?.line, reason: "'environment:' is neither a mapping nor a list")
  }

  static func envFiles(_ node: Node?, file: String) throws(ComposeError) -> [EnvFileReference] {
    guard let node else { return [] }
    if let path = node.scalar?.string { return [EnvFileReference(path: path)] }
    guard let list = node.sequence else {
      throw .unexpectedShape(
        file: file, line: node.mark?.line, reason: "'env_file:' is neither a path nor a list")
    }
    var result: [EnvFileReference] = []
    for item in list {
      if let path = item.scalar?.string {
        result.append(EnvFileReference(path: path))
      } else if let map = item.mapping, let path = map["path"]?.string {
        result.append(EnvFileReference(path: path, isRequired: map["required"]?.bool ?? true))
      } else {
        throw .unexpectedShape(
          file: file, line: item.mark?.line, reason: "an 'env_file:' entry has no path")
      }
    }
    return result
  }

  /// The source of a bind mount at `/tmp/docker-mailserver` (short or long syntax).
  static func configDirectory(_ node: Node?) -> String? {
    guard let list = node?.sequence else { return nil }
    for item in list {
      if let text = item.scalar?.string {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if parts.count >= 2, isConfigTarget(parts[1]), parts[0].hasPrefix(".") || parts[0].hasPrefix("/") || parts[0].hasPrefix("~") {
          return parts[0]
        }
      } else if let map = item.mapping, let target = map["target"]?.string, isConfigTarget(target),
        let source = map["source"]?.string, map["type"]?.string ?? "bind" == "bind"
      {
        return source
      }
    }
    return nil
  }

  static func isConfigTarget(_ path: String) -> Bool {
    var p = Substring(path)
    while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
    return p == "/tmp/docker-mailserver"
  }

  static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  static func resolve(_ path: String, against folder: String) -> String {
    if path.hasPrefix("/") || path.hasPrefix("~") { return path }
    var relative = Substring(path)
    while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
    if folder == "." { return relative.isEmpty ? "." : String(relative) }
    return relative.isEmpty ? folder : "\(folder)/\(relative)"
  }

  static func describe(_ error: YamlError) -> String {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return "\(problem) at line \(mark.line), column \(mark.column)"
    default:
      return String(describing: error).split(separator: "\n").first.map(String.init) ?? "unknown error"
    }
  }
}

extension ComposeService {
  /// YAML to paste into the compose file when the environment lives inline there (this
  /// tool does not rewrite compose files). `nil` values are shown as removals.
  ///
  /// ```
  /// services:
  ///   mailserver:
  ///     environment:
  ///       - RELAY_HOST=smtp.example.com
  /// ```
  public func snippet(setting assignments: [(key: String, value: String?)]) -> String {
    var text = "services:\n  \(name):\n    environment:\n"
    for (key, value) in assignments {
      if let value {
        text += "      - \(Self.yamlListItem("\(key)=\(value)"))\n"
      } else {
        text += "      # remove the '\(key)' entry\n"
      }
    }
    return text
  }

  /// A list item as a plain scalar when YAML reads it back unchanged, else double-quoted.
  static func yamlListItem(_ text: String) -> String {
    let risky = text.contains(": ") || text.contains(" #") || text.hasSuffix(":") || text.hasSuffix(" ")
      || text.first.map { "!&*?|>'\"%@`{}[],#-".contains($0) || $0 == " " } ?? true
      || text.unicodeScalars.contains { $0.value < 0x20 }
    guard risky else { return text }
    var quoted = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": quoted += "\\\""
      case "\\": quoted += "\\\\"
      case "\t": quoted += "\\t"
      default: quoted.unicodeScalars.append(scalar)
      }
    }
    return quoted + "\""
  }
}
