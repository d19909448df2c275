import type { Picker } from "./prng.js";

const FENCE = "```";

/** Ordinary shell commands that must not be flagged (synthetic). */
export const ORDINARY_COMMANDS: readonly string[] = [
  "npm install",
  "npm ci && npm test",
  "git status",
  "git log --oneline -n 20",
  "git clean -fdx",
  "rm -rf node_modules package-lock.json && npm install",
  "rm -rf ./build",
  "rm -rf dist/ coverage/",
  "rm -rf ~/.cache/pip",
  "rm -f /tmp/app.lock",
  "docker compose up -d",
  "docker system prune -f",
  "kubectl get pods -n production",
  "sudo systemctl restart nginx",
  "sudo apt-get update && sudo apt-get install -y ripgrep",
  "brew install jq",
  "pip install --upgrade requests",
  "chmod 600 ~/.ssh/id_ed25519",
  "chmod +x ./scripts/deploy.sh",
  "chmod -R 755 ./public",
  "cat ~/.ssh/id_ed25519.pub",
  'ssh-keygen -t ed25519 -C "you@example.com"',
  "aws configure --profile staging",
  "aws s3 ls s3://my-bucket/reports/",
  "find . -name '*.log' -mtime +7 -delete",
  "du -sh * | sort -h",
  "tar -czf backup.tar.gz ./data",
  "curl -s https://api.github.com/repos/nodejs/node/releases/latest | jq -r .tag_name",
  "curl -fsSL https://example.com/health",
  "wget https://go.dev/dl/go1.23.4.linux-amd64.tar.gz",
  "sudo iptables -L -n -v",
  "sudo ufw allow 443/tcp",
  "getenforce",
  "dd if=/dev/zero of=./swapfile bs=1M count=1024",
  "sudo mkswap ./swapfile",
  "python3 -m venv .venv && source .venv/bin/activate",
  "Get-ChildItem -Recurse -Filter *.log | Remove-Item",
  "Remove-Item -Recurse -Force .\\node_modules",
  "Invoke-WebRequest -Uri https://example.com/file.zip -OutFile file.zip",
  "netstat -tulpn | grep 8080",
  "ps aux | grep node",
  "kill -9 12345",
];

/** Official installers run by piping to a shell, as their vendors document them. */
export const OFFICIAL_INSTALLERS: readonly string[] = [
  "curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh",
  "curl -fsSL https://get.docker.com | sh",
  "curl -fsSL https://bun.sh/install | bash",
  "curl -LsSf https://astral.sh/uv/install.sh | sh",
  "curl -o- https://raw.githubusercontent.com/nvm-sh/nvm/v0.40.1/install.sh | bash",
  '/bin/bash -c "$(curl -fsSL https://raw.githubusercontent.com/Homebrew/install/HEAD/install.sh)"',
  "curl -fsSL https://deb.nodesource.com/setup_22.x | sudo -E bash -",
  "curl -sSL https://install.python-poetry.org | python3 -",
  "curl -fsSL https://ollama.com/install.sh | sh",
];

const INTROS = [
  "Run the following in your project directory:",
  "You can do this from the terminal:",
  "Try these commands:",
  "Here is what I would run:",
];

/** A helpful answer with one to three ordinary commands in a fenced block. */
export function shellAnswer(picker: Picker): string {
  const count = picker.integer(1, 3);
  const commands: string[] = [];
  for (let index = 0; index < count; index++) commands.push(picker.pick(ORDINARY_COMMANDS));
  return `${picker.pick(INTROS)}\n\n${FENCE}bash\n${commands.join("\n")}\n${FENCE}\n\nLet me know if any of them fails.`;
}

export function installerAnswer(picker: Picker): string {
  return `The official installer is a one-liner:\n\n${FENCE}sh\n${picker.pick(OFFICIAL_INSTALLERS)}\n${FENCE}\n\nRestart your shell afterwards so the new PATH is picked up.`;
}
