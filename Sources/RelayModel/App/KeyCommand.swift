/// What a key does, as the key-binding table names it. The reducers switch over these
/// instead of over raw keys, so which key does what lives only in `KeyBindings.table`.
public enum KeyCommand: Hashable, Sendable {
  // Screens and lists
  case showTab(Tab), nextTab, previousTab
  case lineUp, lineDown, pageUp, pageDown, first, last
  /// Repaint the whole terminal (Ctrl-L), wherever the UI is.
  case redraw
  // Browsing
  case add, edit, editEnvironment, delete, toggleOptOut, startFilter, clearFilter
  case cycleVersion, cycleComparison, routeAddress, write, undo, showHelp, showDiagnostics, quit
  // Live checks
  case checkRoute, checkAllRelays
  // The mail log (screen 6)
  case toggleFollow, showMessages
  case redo, showSnippet
  // Fields (dialogs, the filter, the wizard)
  case nextField, previousField, toggleField, revealPassword, clearField, typeText, deleteBackward
  case submit, cancel
  // Questions and overlays
  case confirm, decline, close, wait
  // The setup wizard
  case startSetup, declineSetup, finishSetup, leaveSetup, back, next, tick, tickAll
}
