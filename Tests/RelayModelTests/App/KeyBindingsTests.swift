import Testing

@testable import RelayModel

@Suite("Key-binding table: dispatch, key bar and help read the same rows")
struct KeyBindingsTests {
  /// Every context a state can be in.
  static let contexts: [KeyContext] =
    Tab.allCases.map { .browse($0) } + [.dialog, .confirm, .filter, .diagnostics, .closable, .writing, .checking, .messages, .wizardPrompt]
    + [WizardStep.offer, .folder, .version, .goal, .provider, .credentials, .domains, .moreRelays, .plan, .done]
    .flatMap { [KeyContext.wizard($0, inField: false), .wizard($0, inField: true)] }

  /// A key a pattern matches, for patterns that stand for many.
  static func example(_ pattern: KeyBinding.Pattern) -> Key {
    switch pattern {
    case .key(let key): return key
    case .printable: return .character("%")
    case .anyKey: return .function(9)
    }
  }

  @Test("every key of every binding sends its command wherever the binding applies (no row is shadowed)")
  func noShadowing() {
    for binding in KeyBindings.table {
      let contexts = Self.contexts.filter(binding.scope.contains)
      #expect(!contexts.isEmpty, "'\(binding.keys)' applies nowhere")
      for context in contexts {
        for press in binding.presses {
          let key = Self.example(press.pattern)
          #expect(
            KeyBindings.command(for: key, in: context) == press.command,
            "\(key) in \(context) does not send \(press.command) ('\(binding.keys)': \(binding.description))")
        }
      }
    }
  }

  @Test("Ctrl-B means Back everywhere: the previous screen in the UI, the previous step in the wizard")
  func controlB() {
    for tab in Tab.allCases { #expect(KeyBindings.command(for: .control("b"), in: .browse(tab)) == .previousTab) }
    for step in [WizardStep.folder, .version, .goal, .provider, .credentials, .domains, .moreRelays, .plan] {
      #expect(KeyBindings.command(for: .control("b"), in: .wizard(step, inField: false)) == .back)
    }
    #expect(KeyBindings.command(for: .control("b"), in: .wizard(.credentials, inField: true)) == .back)
    #expect(!KeyBindings.table.contains { $0.presses.contains { $0.pattern == .key(.control("b")) && $0.command == .pageUp } })
  }

  @Test("Ctrl-L repaints wherever the UI is: one effect, nothing else changes, help lists it")
  func controlL() {
    for context in Self.contexts {
      #expect(KeyBindings.command(for: .control("l"), in: context) == .redraw, "\(context)")
    }
    var state = AppFixture.demoState()
    for opening in [nil, Key.character("?"), .character("/"), .character("a")] {
      if let opening { _ = reduce(into: &state, action: .keyPressed(opening)) }
      let context = state.keyContext, tab = state.tab
      #expect(reduce(into: &state, action: .keyPressed(.control("l"))) == [.redrawScreen])
      #expect(state.keyContext == context && state.tab == tab, "Ctrl-L changed the screen in \(context)")
      _ = reduce(into: &state, action: .keyPressed(.escape))
    }
    #expect(KeyBindings.helpSections.contains { $0.bindings.contains { $0.keys == "^L" } })
  }

  @Test("a binding's key label names each of its keys")
  func labelsNameTheKeys() {
    func name(_ key: Key) -> String? {
      switch key {
      case .character(" "): return "Space"
      case .character(let c): return String(c)
      case .up: return "↑"
      case .down: return "↓"
      case .left: return "←"
      case .right: return "→"
      case .pageUp: return "PgUp"
      case .pageDown: return "PgDn"
      case .home: return "Home"
      case .end: return "End"
      case .enter: return "Enter"
      case .escape: return "Esc"
      case .tab: return "Tab"
      case .backTab: return "S-Tab"
      case .backspace: return "Bksp"
      case .delete: return "Del"
      case .control(let c): return "^" + String(c).uppercased()
      case .function(let n): return "F\(n)"
      }
    }
    for binding in KeyBindings.table where binding.scope.isListedInHelp {
      for press in binding.presses {
        guard case .key(let key) = press.pattern, let name = name(key) else { continue }
        // "1–6" names 1 to 6; "Y" is the shifted "y".
        if binding.keys == "1–6", case .character(let c) = key, ("1"..."6").contains(c) { continue }
        #expect(binding.keys.split(separator: " ").contains { $0 == name || $0.contains(name) }, "'\(binding.keys)' does not name \(name)")
      }
    }
  }

  @Test("the key bar is read from the table: every hint is a bound key in the current context")
  func barFromTable() {
    var state = AppFixture.demoState()
    for tab in Tab.allCases {
      state.tab = tab
      for hint in state.keyHints {
        #expect(KeyBindings.table.contains { $0.bar?.key == hint.key && $0.scope.contains(.browse(tab)) })
      }
    }
  }
}

@Suite("Key bar of each wizard step, read from the table")
struct WizardKeyBarTests {
  func keys(_ state: WizardStore) -> [String] { state.keyHints.map { "\($0.key) \($0.label)" } }

  @Test("each step offers the keys it takes, in the order they matter")
  func everyStep() {
    var state = WizardFixture.state(offering: true)
    #expect(keys(state) == ["y Run the wizard", "n Not now"])
    state.press(.character("y"))
    #expect(keys(state) == ["Enter Next", "Esc Leave"])
    state.press(.enter)
    #expect(keys(state) == ["↑↓ Choose", "Enter Next", "^B Back", "Esc Leave"])
    state.press(.enter, .down)
    #expect(keys(state) == ["↑↓ Choose", "Enter Next", "^B Back", "Esc Leave"])
    state.press(.enter)
    #expect(keys(state) == ["Enter Next", "Tab Field", "^B Back", "Esc Leave"])
    state.press(.enter)
    #expect(keys(state) == ["Enter Next (disabled)", "Tab Field", "^B Back", "^R Show password", "Esc Leave"])
    state.press(.control("r"))
    state.type("pw")
    #expect(keys(state) == ["Enter Next", "Tab Field", "^B Back", "^R Hide password", "Esc Leave"])
    state.press(.enter)
    #expect(keys(state) == ["Space Tick", "a All/none", "Enter Next (disabled)", "^B Back", "Esc Leave"])
    state.press(.character(" "), .enter)
    #expect(state.step == .plan)
    #expect(keys(state) == ["Enter Write…", "↑↓ Scroll", "^B Back", "Esc Leave"])
    state.press(.enter)
    #expect(keys(state) == ["y Write", "n Not now"])
    state.press(.escape, .escape)
    #expect(keys(state) == ["y Leave, write nothing", "n Stay"])
  }
}
