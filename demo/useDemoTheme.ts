import { useEffect, useState } from 'react'
import type { DemoTheme } from './DemoTools'

/** localStorage key of the theme the agent last chose. */
const THEME_KEY = 'awr-demo:theme'

function savedTheme(): DemoTheme | undefined {
  const value = localStorage.getItem(THEME_KEY)
  return value === 'light' || value === 'dark' ? value : undefined
}

/**
 * The page's theme: `undefined` follows the OS; `'light'`/`'dark'` (set by the agent's
 * `set_theme` tool, kept in localStorage) is written to `<html data-theme>` so the whole page,
 * not only `<Chat theme>`, switches.
 */
export function useDemoTheme(): [DemoTheme | undefined, (theme: DemoTheme) => void] {
  const [theme, setTheme] = useState<DemoTheme | undefined>(savedTheme)
  useEffect(() => {
    const root = document.documentElement
    if (theme) root.dataset.theme = theme
    else delete root.dataset.theme
  }, [theme])
  const choose = (next: DemoTheme) => {
    localStorage.setItem(THEME_KEY, next)
    setTheme(next)
  }
  return [theme, choose]
}
