/// A state the key bar is drawn for.
public protocol KeyConditionState {
  var keyContext: KeyContext { get }
  func holds(_ condition: KeyCondition) -> Bool
}
