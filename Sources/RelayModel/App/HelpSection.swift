/// The groups of the help overlay, in order.
public enum HelpSection: String, CaseIterable, Hashable, Sendable {
  case screens = "Screens and moving"
  case changes = "Changes (pending until w)"
  case preview = "Preview"
  case observed = "Observed (6)"
  case dialogs = "Dialogs"
  case leaving = "Leaving"
}
