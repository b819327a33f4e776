/// Everything the UI shows, as one value: which screen and row, the filter, the versions
/// previewed, the workspace of pending edits and what it derives, and what is open over
/// the screens.
///
/// The UI only draws this and forwards keys; every decision is made by
/// `AppReducer.reduce(into:action:)`, which is tested without a terminal.
public struct AppState: Sendable {
  public var tab: Tab = .domains
  /// Selection and scroll of each tab's list.
  public var positions: [Tab: ListPosition] = Dictionary(uniqueKeysWithValues: Tab.allCases.map { ($0, ListPosition()) })
  /// The `/` filter, applied to every list but Changes.
  public internal(set) var filter = ""
  public internal(set) var visible: [Tab: VisibleRows] = [:]
  public let versions: VersionChoices
  /// The DMS version the preview is computed for (`v` cycles it).
  public internal(set) var version: DMSVersion
  /// A second version shown side by side on the Routing screen (`c`).
  public internal(set) var comparisonVersion: DMSVersion?
  public internal(set) var workspace: Workspace
  /// Derived from the workspace and versions; see `PreviewState`.
  public internal(set) var derived: PreviewState
  public var destination: AppDestination?
  public var status: StatusMessage?
  public internal(set) var writeResult: WriteResult?
  public internal(set) var size: Size
  /// How the setup wizard ended, once it has (`setup`, or the offer on first start).
  public internal(set) var setupOutcome: WizardOutcome?
  /// True for `dms-relay setup`: the session ends when the wizard does.
  public internal(set) var endsWithSetup = false
  /// The last live check of each route checked this session (`T`, `^T`).
  public internal(set) var checks: [CheckRecord] = []
  /// Live checks started so far; the current run's number tells its progress from a
  /// cancelled run's.
  public internal(set) var checkRuns = 0
  /// Screen 6's mail log.
  public internal(set) var observed = ObservedState()
  /// `--read-only`: look without any risk of writing; every edit key is refused.
  public internal(set) var isReadOnly = false
  /// How many pending edits each step added (one dialog is one step, however many variables
  /// it sets), so `u` undoes what one action did (issue 14 fix 12).
  public internal(set) var undoSteps: [Int] = []
  /// Steps undone, newest last, for Ctrl-R; any new edit clears them.
  public internal(set) var redoSteps: [[RelayEdit]] = []
  /// Set by `w` on the quit question: the session ends once the write succeeds.
  public internal(set) var quitsAfterWrite = false
  /// The last compose snippet shown, so `S` can show it again after any key closed it.
  public internal(set) var composeSnippet: Notice?

  public init(workspace: Workspace, version: DMSVersion, size: Size, status: StatusMessage? = nil) {
    self.workspace = workspace
    self.version = version
    self.versions = VersionChoices(detected: version)
    self.size = size
    self.status = status
    self.derived = PreviewState(workspace: workspace, version: version, comparisonVersion: nil)
    refilter()
  }

  // MARK: - Derived views

  public var preview: RoutingPreview { derived.preview }

  public func layout(for tab: Tab) -> Layout {
    Layout(size: size, banner: tab == .routing ? derived.headline : nil, hasDetail: tab != .changes)
  }

  public var layout: Layout { layout(for: tab) }

  public func position(_ tab: Tab) -> ListPosition { positions[tab] ?? ListPosition() }

  /// The rows of `tab` that pass the filter (cached for the current tab).
  public func visibleRows(_ tab: Tab) -> VisibleRows { visible[tab] ?? filtered(tab) }

  func filtered(_ tab: Tab) -> VisibleRows {
    let count = rowCount(tab)
    let needle = filter.lowercased()
    guard !needle.isEmpty, tab != .changes else { return .all(count) }
    if tab == .observed {
      let summaries = observed.summaries
      return .only((0..<count).filter { summaries[$0].domain.lowercased().contains(needle) })
    }
    return .only((0..<count).filter { derived.searchText(tab, $0).contains(needle) })
  }

  /// Number of rows of a tab's list, filter aside.
  public func rowCount(_ tab: Tab) -> Int {
    tab == .observed ? observed.summaries.count : derived.rowCount(tab)
  }

  /// The row index (into the tab's rows) of the selection, nil when the list is empty.
  public func selectedIndex(_ tab: Tab) -> Int? {
    let rows = visibleRows(tab)
    let position = position(tab)
    return position.selected < rows.count ? rows[position.selected] : nil
  }

  public var selectedDomain: DomainRow? {
    switch tab {
    case .domains: return selectedIndex(.domains).map { derived.domains[$0] }
    case .routing:
      guard let index = selectedIndex(.routing), index < derived.domains.count else { return nil }
      return derived.domains[index]
    default: return nil
    }
  }

  public var hasUnsavedChanges: Bool { workspace.hasPendingChanges }

  public var dialog: Dialog? {
    if case .dialog(let dialog) = destination { return dialog }
    return nil
  }

  // MARK: - Recomputation

  /// Rebuilds everything derived after an edit, undo, write or version change.
  mutating func recompute() {
    derived = PreviewState(workspace: workspace, version: version, comparisonVersion: comparisonVersion)
    refilter()
  }

  /// Applies the filter to the current list and keeps its selection on screen. Other lists
  /// are filtered when shown (typing a filter over 100,000 rows filters one list, not four).
  mutating func refilter() {
    visible = [tab: filtered(tab)]
    clampPosition(tab)
  }

  mutating func clampPosition(_ tab: Tab) {
    var position = position(tab)
    position.clamp(count: visibleRows(tab).count, height: layout(for: tab).listRows)
    positions[tab] = position
  }
}
