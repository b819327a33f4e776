/// One row of the key-binding table: the keys, what each does, where it applies, how
/// help describes it and where the key bar shows it.
///
/// The reducers dispatch through the table (`KeyBindings.command(for:in:)`), the key bar
/// and the help overlay are read from it, so the three cannot disagree.
public struct KeyBinding: Hashable, Sendable {
  /// A key the binding reacts to, or any printable character (typing), or any key at all.
  public enum Pattern: Hashable, Sendable {
    case key(Key)
    case printable
    case anyKey

    func matches(_ key: Key) -> Bool {
      switch self {
      case .key(let bound): return bound == key
      case .printable: if case .character = key { return true } else { return false }
      case .anyKey: return true
      }
    }
  }

  /// A key and the command it sends.
  public struct Press: Hashable, Sendable {
    public var pattern: Pattern
    public var command: KeyCommand
  }

  /// The keys as help writes them (`"↑↓ j k"`; `"1–5"` is a range).
  public var keys: String
  /// What the keys do, for help.
  public var description: String
  public var scope: KeyScope
  public var presses: [Press]
  /// The help section; nil outside help's scopes (`KeyScope.isListedInHelp`).
  public var section: HelpSection?
  public var bar: KeyBarEntry?

  public init(
    _ keys: String, _ description: String, in scope: KeyScope, section: HelpSection? = nil,
    bar: KeyBarEntry? = nil, _ presses: [(Pattern, KeyCommand)]
  ) {
    self.keys = keys
    self.description = description
    self.scope = scope
    self.section = section
    self.bar = bar
    self.presses = presses.map { Press(pattern: $0.0, command: $0.1) }
  }

  /// The command `key` sends through this binding, if it is one of its keys.
  public func command(for key: Key) -> KeyCommand? {
    presses.first { $0.pattern.matches(key) }?.command
  }
}
