/// How a binding shows on the bottom key bar: in order of `priority` (lowest first), only
/// where `scope` (if narrower than the binding's) applies and `condition` holds. A `pinned`
/// entry (help, quit) is never dropped for lack of room; `functionKey` ("F1") is shown next
/// to `key` when the whole bar has room for it, as htop and mc show theirs.
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
  public var pinned = false
  public var functionKey: String?

  public init(
    _ priority: Int, _ key: String, _ label: String, only scope: KeyScope? = nil, when condition: KeyCondition? = nil,
    variants: [(KeyCondition, String)] = [], pinned: Bool = false, functionKey: String? = nil
  ) {
    self.pinned = pinned
    self.functionKey = functionKey
    self.priority = priority
    self.key = key
    self.label = label
    self.scope = scope
    self.condition = condition
    self.variants = variants.map { Variant(condition: $0.0, label: $0.1) }
  }
}
