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

/// How a binding shows on the bottom key bar: in order of `priority` (lowest first), only
/// where `scope` (if narrower than the binding's) applies and `condition` holds.
public struct KeyBarEntry: Hashable, Sendable {
  /// Another label while a condition holds ("filter*" with a filter set).
  public struct Variant: Hashable, Sendable {
    public var condition: KeyCondition
    public var label: String
  }

  public var priority: Int
  public var key: String
  public var label: String
  public var scope: KeyScope?
  public var condition: KeyCondition?
  public var variants: [Variant]

  public init(
    _ priority: Int, _ key: String, _ label: String, only scope: KeyScope? = nil, when condition: KeyCondition? = nil,
    variants: [(KeyCondition, String)] = []
  ) {
    self.priority = priority
    self.key = key
    self.label = label
    self.scope = scope
    self.condition = condition
    self.variants = variants.map { Variant(condition: $0.0, label: $0.1) }
  }
}

/// The groups of the help overlay, in order.
public enum HelpSection: String, CaseIterable, Hashable, Sendable {
  case screens = "Screens and moving"
  case changes = "Changes (pending until w)"
  case preview = "Preview"
  case dialogs = "Dialogs"
  case leaving = "Leaving"
}
