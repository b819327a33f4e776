import Yams

extension ComposeService {
  /// A container path the compose file fills from outside: a `volumes:` entry or a secret
  /// (compose bind-mounts a `file:` secret at `/run/secrets/NAME`).
  public struct Mount: Hashable, Sendable {
    public enum Source: Hashable, Sendable {
      /// A host path, resolved against the compose file's folder.
      case host(String)
      /// Not a host file this tool can read; the clause says what it is instead.
      case unmappable(String)
    }

    /// The container path, without a trailing slash.
    public var target: String
    public var source: Source

    public init(target: String, source: Source) {
      self.target = target
      self.source = source
    }
  }

  /// What a container path is on the host: the longest mount that contains it decides.
  public enum HostPath: Hashable, Sendable {
    case host(String)
    /// The clause says why no host file is known, e.g. "it is inside the named volume 'mail'".
    case unmappable(String)
  }

  /// The host file behind container path `path` (spec §10), or why there is none; nil when
  /// no volume or secret of this service covers it.
  public func hostPath(forContainerPath path: String) -> HostPath? {
    guard path.hasPrefix("/") else { return .unmappable("it is not an absolute path") }
    let wanted = Self.normalisedContainerPath(path)
    var best: Mount?
    for mount in mounts where wanted == mount.target || wanted.hasPrefix(mount.target == "/" ? "/" : mount.target + "/") {
      if mount.target.count > (best?.target.count ?? -1) { best = mount }
    }
    guard let best else { return nil }
    switch best.source {
    case .unmappable(let what): return .unmappable("it is inside \(what) mounted at '\(best.target)'")
    case .host(let host):
      let rest = wanted.dropFirst(best.target == "/" ? 1 : best.target.count)
      guard !rest.isEmpty else { return .host(host) }
      let tail = rest.hasPrefix("/") ? String(rest.dropFirst()) : String(rest)
      return .host(host.hasSuffix("/") ? host + tail : "\(host)/\(tail)")
    }
  }

  /// `/run//secrets/./x/` → `/run/secrets/x`; `..` drops the component before it.
  static func normalisedContainerPath(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/") where part != "." {
      if part == ".." { _ = parts.popLast() } else { parts.append(part) }
    }
    return "/" + parts.joined(separator: "/")
  }

  /// The service's `volumes:` and `secrets:` as mounts, secrets resolved through the
  /// top-level `secrets:` (`NAME: {file: PATH}`).
  static func mounts(service: Node.Mapping, top: Node.Mapping, folder: String) -> [Mount] {
    var result: [Mount] = []
    for item in service["volumes"]?.sequence ?? [] {
      if let text = item.scalar?.string {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2 else {
          if let target = parts.first, target.hasPrefix("/") {
            result.append(Mount(target: normalisedContainerPath(target), source: .unmappable("an anonymous volume")))
          }
          continue
        }
        result.append(Mount(target: normalisedContainerPath(parts[1]), source: volumeSource(parts[0], folder: folder)))
      } else if let map = item.mapping, let target = map["target"]?.string, target.hasPrefix("/") {
        let type = map["type"]?.string ?? "volume"
        let source: Mount.Source
        switch (type, map["source"]?.string) {
        case ("bind", let path?): source = .host(resolve(path, against: folder))
        case ("volume", let name?): source = volumeSource(name, folder: folder)
        case (let other, _): source = .unmappable(other == "volume" ? "an anonymous volume" : "a '\(other)' mount")
        }
        result.append(Mount(target: normalisedContainerPath(target), source: source))
      }
    }
    let declared = top["secrets"]?.mapping
    for item in service["secrets"]?.sequence ?? [] {
      let name: String?
      var target: String?
      if let text = item.scalar?.string {
        name = text
      } else {
        name = item.mapping?["source"]?.string
        target = item.mapping?["target"]?.string
      }
      guard let name else { continue }
      let path = target.map { $0.hasPrefix("/") ? $0 : "/run/secrets/\($0)" } ?? "/run/secrets/\(name)"
      result.append(Mount(target: normalisedContainerPath(path), source: secretSource(name, declared: declared, folder: folder)))
    }
    return result
  }

  /// A short-syntax volume source: a path (`./x`, `/x`, `~/x`) is a bind mount, anything
  /// else a named volume.
  static func volumeSource(_ source: String, folder: String) -> Mount.Source {
    if source.hasPrefix(".") || source.hasPrefix("/") || source.hasPrefix("~") {
      return .host(resolve(source, against: folder))
    }
    return .unmappable("the named volume '\(source)'")
  }

  /// Where the top-level `secrets:` entry `name` comes from.
  static func secretSource(_ name: String, declared: Node.Mapping?, folder: String) -> Mount.Source {
    guard let entry = declared?[name]?.mapping else {
      return .unmappable("the secret '\(name)', which the top-level 'secrets:' does not declare")
    }
    if let file = entry["file"]?.string { return .host(resolve(file, against: folder)) }
    if let variable = entry["environment"]?.string {
      return .unmappable("the secret '\(name)', taken from the host variable '\(variable)'")
    }
    return .unmappable("the secret '\(name)', which has no 'file:'")
  }
}
