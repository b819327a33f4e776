/// What a piece of text is, not how it looks: `CursesSurface` turns roles into colours (or
/// bold/reverse/underline without colour), and `Grid` keeps them so tests can assert that
/// the banner is drawn as a banner.
enum Style: Hashable, Sendable, CaseIterable {
  case normal
  case dim
  case bold
  case title
  case tabActive
  case tabInactive
  case header
  case selected
  case error
  case warning
  case ok
  case info
  /// The Routing screen's setup-wide failure.
  case banner
  case bannerFix
  case keyLabel
  case keyText
  case border
  case field
  case fieldFocused
  case added
  case removed
  case hunk
  /// A route that differs between the two versions compared.
  case changed
}
