export type Theme = "light" | "dark";

const KEY = "rampart-theme";

/** The saved theme, else the system preference. */
export function initialTheme(): Theme {
  const saved = typeof localStorage === "undefined" ? null : localStorage.getItem(KEY);
  if (saved === "light" || saved === "dark") return saved;
  return typeof matchMedia !== "undefined" && matchMedia("(prefers-color-scheme: dark)").matches
    ? "dark"
    : "light";
}

export function applyTheme(theme: Theme): void {
  document.documentElement.classList.toggle("dark", theme === "dark");
  document.documentElement.style.colorScheme = theme;
}

export function saveTheme(theme: Theme): void {
  localStorage.setItem(KEY, theme);
  applyTheme(theme);
}
