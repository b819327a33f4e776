#ifndef DMS_RELAY_CNCURSES_SHIM_H
#define DMS_RELAY_CNCURSES_SHIM_H

// Wide-character ncurses (ncursesw). Swift 6 cannot use C globals such as `stdscr`,
// `LINES`, `COLS` or function-like macros such as `COLOR_PAIR`, so this header wraps
// them in `static inline` functions, all prefixed `dr_` so they never clash with Swift
// member names (TermKit needed a workaround for `refresh()`).

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <langinfo.h>
#include <termios.h>

static inline void *dr_stdscr(void) { return (void *)stdscr; }
static inline int dr_lines(void) { return LINES; }
static inline int dr_cols(void) { return COLS; }
static inline int dr_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int dr_has_colors(void) { return has_colors() ? 1 : 0; }
static inline int dr_colors(void) { return COLORS; }

static inline int dr_attr_bold(void) { return (int)A_BOLD; }
static inline int dr_attr_reverse(void) { return (int)A_REVERSE; }
static inline int dr_attr_underline(void) { return (int)A_UNDERLINE; }
static inline int dr_attr_dim(void) { return (int)A_DIM; }
static inline int dr_attr_normal(void) { return (int)A_NORMAL; }

static inline int dr_key_up(void) { return KEY_UP; }
static inline int dr_key_down(void) { return KEY_DOWN; }
static inline int dr_key_left(void) { return KEY_LEFT; }
static inline int dr_key_right(void) { return KEY_RIGHT; }
static inline int dr_key_home(void) { return KEY_HOME; }
static inline int dr_key_end(void) { return KEY_END; }
static inline int dr_key_npage(void) { return KEY_NPAGE; }
static inline int dr_key_ppage(void) { return KEY_PPAGE; }
static inline int dr_key_backspace(void) { return KEY_BACKSPACE; }
static inline int dr_key_dc(void) { return KEY_DC; }
static inline int dr_key_btab(void) { return KEY_BTAB; }
static inline int dr_key_enter(void) { return KEY_ENTER; }
static inline int dr_key_resize(void) { return KEY_RESIZE; }
static inline int dr_key_f1(void) { return KEY_F(1); }
static inline int dr_err(void) { return ERR; }
static inline int dr_key_code_yes(void) { return KEY_CODE_YES; }

/// Starts curses in the mode a full-screen TUI wants: no echo, cbreak, keypad keys.
static inline void dr_start(void) {
  initscr();
  cbreak();
  noecho();
  nonl();
  keypad(stdscr, TRUE);
  set_escdelay(25);
  curs_set(0);
  // Ctrl-C as a key (3), not SIGINT: the UI asks before losing unsaved changes. Ctrl-Z and
  // Ctrl-\ keep their signals; endwin restores the shell's modes, interrupt character included.
  struct termios modes;
  if (tcgetattr(STDIN_FILENO, &modes) == 0) {
    modes.c_cc[VINTR] = _POSIX_VDISABLE;
    tcsetattr(STDIN_FILENO, TCSANOW, &modes);
    def_prog_mode();
  }
}

static inline void dr_stop(void) { endwin(); }
static inline int dr_is_ended(void) { return isendwin() ? 1 : 0; }

/// Reads one key; returns the code and sets *is_function to 1 for KEY_* codes.
static inline int dr_get_key(int *is_function) {
  wint_t ch = 0;
  int rc = wget_wch(stdscr, &ch);
  if (rc == ERR) { *is_function = 0; return -1; }
  *is_function = (rc == KEY_CODE_YES) ? 1 : 0;
  return (int)ch;
}

static inline void dr_timeout(int ms) { wtimeout(stdscr, ms); }

static inline void dr_put(int y, int x, const char *utf8, int attrs) {
  attr_t old_attrs; short old_pair;
  wattr_get(stdscr, &old_attrs, &old_pair, NULL);
  wattrset(stdscr, attrs);
  mvwaddstr(stdscr, y, x, utf8);
  wattrset(stdscr, old_attrs);
}

static inline void dr_erase(void) { werase(stdscr); }
static inline void dr_refresh(void) { wrefresh(stdscr); }
static inline void dr_move(int y, int x) { wmove(stdscr, y, x); }
static inline void dr_cursor(int visible) { curs_set(visible); }
static inline int dr_start_color(void) { return start_color(); }
static inline int dr_use_default_colors(void) { return use_default_colors(); }
static inline int dr_init_pair(int pair, int fg, int bg) { return init_pair((short)pair, (short)fg, (short)bg); }
static inline int dr_set_locale(void) { return setlocale(LC_ALL, "") != NULL; }

/// 1 when the locale's character set is UTF-8 (call after dr_set_locale); else the UI
/// draws ASCII only.
static inline int dr_is_utf8(void) {
  const char *codeset = nl_langinfo(CODESET);
  return codeset && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/// Restores the terminal, then lets the signal do what it would have done (exit, core).
static inline void dr_restore_and_reraise(int sig) {
  if (!isendwin()) endwin();
  signal(sig, SIG_DFL);
  raise(sig);
}

/// Restores the terminal on Ctrl-C, SIGTERM, SIGHUP and on crashes (a Swift trap is
/// SIGILL or SIGTRAP), so the admin never gets a garbled shell back.
static inline void dr_install_signal_handlers(void) {
  int signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP};
  for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) signal(signals[i], dr_restore_and_reraise);
}

static inline int dr_color_black(void) { return COLOR_BLACK; }
static inline int dr_color_red(void) { return COLOR_RED; }
static inline int dr_color_green(void) { return COLOR_GREEN; }
static inline int dr_color_yellow(void) { return COLOR_YELLOW; }
static inline int dr_color_blue(void) { return COLOR_BLUE; }
static inline int dr_color_cyan(void) { return COLOR_CYAN; }
static inline int dr_color_white(void) { return COLOR_WHITE; }
static inline void dr_clear(void) { clearok(stdscr, TRUE); }
static inline int dr_key_f(int n) { return KEY_F(n); }

/// Mouse reporting on or off: left presses and the wheel (buttons 4 and 5).
static inline void dr_mouse(int on) {
  mmask_t mask = BUTTON1_PRESSED | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
  mask |= BUTTON5_PRESSED;
#endif
  mousemask(on ? mask : 0, NULL);
  mouseinterval(0);
}
static inline int dr_key_mouse(void) { return KEY_MOUSE; }

/// After KEY_MOUSE: 1 for a left press, 4 wheel up, 5 wheel down, 0 anything else; sets y, x.
static inline int dr_get_mouse(int *y, int *x) {
  MEVENT event;
  if (getmouse(&event) != OK) return 0;
  *y = event.y;
  *x = event.x;
  if (event.bstate & BUTTON1_PRESSED) return 1;
  if (event.bstate & BUTTON4_PRESSED) return 4;
#ifdef BUTTON5_PRESSED
  if (event.bstate & BUTTON5_PRESSED) return 5;
#endif
  return 0;
}

#endif
