import { Link, Outlet } from "@tanstack/react-router";
import { Shield } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { useSession } from "@/lib/session";
import { navItems } from "./nav-items";
import { SignOutButton } from "./sign-out-button";
import { SkipLink } from "./skip-link";
import { ThemeToggle } from "./theme-toggle";

/** The signed-in frame: navigation (only pages the role can read), who is signed in, theme, sign-out. */
export function AppShell() {
  const session = useSession();
  const items = navItems.filter((item) => item.scope === null || session.admin.scopes.includes(item.scope));
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <SkipLink />
      <aside className="border-b border-border bg-card md:w-56 md:shrink-0 md:border-r md:border-b-0">
        <div className="flex items-center gap-2 px-4 py-3 font-semibold">
          <Shield aria-hidden="true" className="size-5 text-primary" /> Rampart
        </div>
        <nav aria-label="Main">
          <ul className="flex flex-wrap gap-1 px-2 pb-2 md:flex-col md:flex-nowrap">
            {items.map((item) => (
              <li key={item.to}>
                <Link
                  to={item.to}
                  activeOptions={{ exact: item.to === "/" }}
                  className="flex items-center gap-2 rounded-md px-3 py-2 text-sm hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring data-[status=active]:bg-muted data-[status=active]:font-semibold"
                >
                  <item.icon aria-hidden="true" className="size-4" />
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-end gap-2 border-b border-border px-4 py-2 text-sm">
          <span>
            Signed in as <strong>{session.admin.name}</strong>
          </span>
          <Badge tone="info">{session.admin.role}</Badge>
          <ThemeToggle />
          <SignOutButton />
        </header>
        <main id="main" tabIndex={-1} className="flex-1 p-4 focus:outline-none md:p-6">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
