<#
.SYNOPSIS
    Construit TI Desktop pour Windows : paquet PyInstaller (dist\ti-desktop\), test de fumée, puis
    l'installateur Inno Setup (dist\installer\ti-desktop-<version>-setup.exe) si iscc est disponible.

.DESCRIPTION
    Same steps as packaging/build.sh: a build venv, the application with its "packaging" extra, PyInstaller on
    packaging\ti-desktop.spec, the bundle size, a smoke test of the bundle (--version, demo, report, export,
    window offscreen; then what only Windows can show: the long-path-aware manifest, the window's lock refusing
    an import until the window is killed, a report open in a PDF reader refused clearly, paths over 260
    characters where LongPathsEnabled is set), then `iscc /DAppVersion=<version> packaging\windows\ti-desktop.iss` when Inno Setup 6 is on
    PATH or in its default folder.

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File packaging\build.ps1
    powershell -ExecutionPolicy Bypass -File packaging\build.ps1 -Python "py -3.11" -SansTest
#>
param(
    [string]$Venv = "",                     # Python environment of the build (created when missing; build\venv)
    [string]$Python = "py -3",              # interpreter that creates it (the Python launcher by default)
    [string]$Wheel = "",                    # install this wheel instead of the checkout
    [switch]$SansTest,                      # skip the smoke test
    [switch]$SansInstallateur               # skip Inno Setup
)
$ErrorActionPreference = "Stop"
# This file is UTF-8 with a byte-order mark, so that Windows PowerShell 5.1 reads its French texts correctly.
# Paths given on the command line are relative to where the script was called from.
if ($Wheel) { $Wheel = (Resolve-Path $Wheel).Path }
if ($Venv) { $Venv = [IO.Path]::GetFullPath([IO.Path]::Combine((Get-Location).Path, $Venv)) }
Set-Location (Split-Path -Parent $PSScriptRoot)
if (-not $Venv) { $Venv = "build\venv" }
$started = Get-Date

function Invoke-Native {
    # Runs a program; a non-zero exit code stops the build with a French message.
    param([string]$What, [string]$Program, [string[]]$Arguments)
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) { throw "ÉCHEC : $What (code de sortie $LASTEXITCODE)" }
}

function Invoke-Captured {
    # Runs a program and returns its exit code and outputs, without PowerShell turning its error output into
    # errors. The program writes in the ANSI code page: callers match ASCII parts only.
    param([string]$Program, [string[]]$Arguments)
    $info = New-Object System.Diagnostics.ProcessStartInfo
    $info.FileName = $Program
    $info.Arguments = ($Arguments | ForEach-Object { '"' + $_ + '"' }) -join " "
    $info.UseShellExecute = $false
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $process = [Diagnostics.Process]::Start($info)
    $out = $process.StandardOutput.ReadToEndAsync()
    $err = $process.StandardError.ReadToEnd()
    $process.WaitForExit()
    return @{ Code = $process.ExitCode; Out = $out.Result; Err = $err }
}

function Get-ActionCount {
    # The number of actions of a base, read by `check --json` (a read command: allowed while a window holds it).
    param([string]$Exe, [string]$Db)
    $result = Invoke-Captured $Exe @("check", "--json", "--db", $Db)
    if ($result.Code -ne 0 -or -not ($result.Out -match '"actions": (\d+)')) { throw "ÉCHEC : contrôle de « $Db »" }
    return [int]$Matches[1]
}

$version = (Select-String -Path pyproject.toml -Pattern '^version = "(.*)"$' | Select-Object -First 1).Matches[0].Groups[1].Value
Write-Host "== TI Desktop $version"

$py = Join-Path $Venv "Scripts\python.exe"
if (-not (Test-Path $py)) {
    Write-Host "== Environnement de construction $Venv"
    $launcher = $Python.Split(" ")
    Invoke-Native "création de l'environnement" $launcher[0] (@($launcher | Select-Object -Skip 1) + @("-m", "venv", $Venv))
    Invoke-Native "mise à jour de pip" $py @("-m", "pip", "install", "-q", "--upgrade", "pip")
}

Write-Host "== Installation de TI Desktop et de PyInstaller"
$target = if ($Wheel) { $Wheel } else { "." }
Invoke-Native "installation" $py @("-m", "pip", "install", "-q", "$target[packaging]")
Invoke-Native "installation de cette version" $py @("-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", $target)

Write-Host "== PyInstaller (packaging\ti-desktop.spec)"
$pyinstaller = Join-Path $Venv "Scripts\pyinstaller.exe"
$buildStarted = Get-Date
Invoke-Native "PyInstaller" $pyinstaller @("--noconfirm", "--clean", "--log-level", "WARN", "--distpath", "dist",
    "--workpath", "build\pyinstaller", "packaging\ti-desktop.spec")
$buildSeconds = [int]((Get-Date) - $buildStarted).TotalSeconds

$bundle = (Resolve-Path "dist\ti-desktop").Path
$exe = Join-Path $bundle "ti-desktop.exe"
if (-not (Test-Path $exe)) { throw "ÉCHEC : « $exe » n'a pas été produit." }
$sizeMb = [math]::Round((Get-ChildItem $bundle -Recurse -File | Measure-Object Length -Sum).Sum / 1MB)
Write-Host "Paquet : dist\ti-desktop — $sizeMb Mo (PyInstaller : $buildSeconds s)"

if (-not $SansTest) {
    Write-Host "== Test de fumée de $exe"
    $work = Join-Path ([IO.Path]::GetTempPath()) ("ti-desktop-test-" + [guid]::NewGuid())
    New-Item -ItemType Directory $work | Out-Null
    $db = Join-Path $work "plan.sqlite3"
    $python = (Resolve-Path $py).Path  # the build environment's Python, called from $work below
    $pdf = Join-Path $work "rapport.pdf"
    Push-Location $work  # away from the checkout: the data must come from the bundle
    try {
        $out = & $exe --version
        if ($LASTEXITCODE -ne 0 -or "$out".Trim() -ne "TI Desktop $version") { throw "ÉCHEC : version « $out »" }
        Write-Host "OK : version ($out)"
        Invoke-Native "territoire de démonstration" $exe @("demo", "--db", $db)
        Invoke-Native "contrôle de la base" $exe @("check", "--db", $db)
        Invoke-Native "rapport d'avancement PDF" $exe @("report", "--db", $db, "-o", $pdf)
        $head = [Text.Encoding]::ASCII.GetString([IO.File]::ReadAllBytes($pdf), 0, 4)
        if ($head -ne "%PDF") { throw "ÉCHEC : « $pdf » n'est pas un PDF" }
        Write-Host "OK : rapport PDF ($((Get-Item $pdf).Length) octets)"
        Invoke-Native "export du plan (xlsx)" $exe @("export", "--db", $db, "-o", (Join-Path $work "plan.xlsx"))
        $env:TI_DESKTOP_SMOKE_TEST = "1"
        $env:QT_QPA_PLATFORM = "offscreen"
        try {
            # Captured output is in the ANSI code page: match its ASCII part only.
            $out = & $exe --db $db
            if ($LASTEXITCODE -ne 0 -or -not ("$out" -match "ouverte : TI Desktop.*\((\d+) pages\)")) {
                throw "ÉCHEC : fenêtre « $out »"
            }
        } finally {
            Remove-Item Env:TI_DESKTOP_SMOKE_TEST, Env:QT_QPA_PLATFORM
        }
        Write-Host "OK : fenêtre ouverte hors écran ($($Matches[1]) pages)"
        if (-not (Get-ChildItem $bundle -Recurse -Filter qtbase_fr.qm -ErrorAction SilentlyContinue)) {
            throw "ÉCHEC : traduction française de Qt absente"
        }
        foreach ($file in @("resources\demo\territoire-demo.json", "resources\CHANGELOG.md", "migrations\env.py")) {
            if (-not (Test-Path (Join-Path $bundle "_internal\ti_desktop\_data\$file"))) { throw "ÉCHEC : $file absent du paquet" }
        }
        Write-Host "OK : traduction française de Qt, ressources, migrations et journal des modifications"

        # Windows file semantics, which no Linux test can show.
        $manifest = & $python -c "import sys; from PyInstaller.utils.win32.winmanifest import read_manifest_from_executable as r; sys.stdout.write(r(sys.argv[1]).decode('utf-8'))" $exe
        if (-not ("$manifest" -match "longPathAware[^>]*>true<")) { throw "ÉCHEC : ti-desktop.exe n'est pas « longPathAware »" }
        Write-Host "OK : manifeste « longPathAware »"

        # The window holds the base (an OS lock, LockFileEx): an import is refused naming this machine; once the
        # window is killed (TerminateProcess, as a crash), the system has released the lock and the import goes in.
        $csv = Join-Path $work "action.csv"
        [IO.File]::WriteAllText($csv, "Intitulé;Axe`r`nAction du test de fumée;Innovation`r`n", (New-Object Text.UTF8Encoding $false))
        $actions = Get-ActionCount $exe $db
        $env:QT_QPA_PLATFORM = "offscreen"
        try {
            $window = Start-Process -FilePath $exe -ArgumentList @("--db", "`"$db`"") -PassThru -WindowStyle Hidden
        } finally {
            Remove-Item Env:QT_QPA_PLATFORM
        }
        try {
            $deadline = (Get-Date).AddSeconds(60)
            while (-not (Test-Path "$db.lock.json") -and -not $window.HasExited -and (Get-Date) -lt $deadline) {
                Start-Sleep -Milliseconds 500
            }
            if (-not (Test-Path "$db.lock.json")) { throw "ÉCHEC : la fenêtre n'a pas pris le verrou de la base" }
            $refused = Invoke-Captured $exe @("import", $csv, "--db", $db)
            if ($refused.Code -ne 1 -or -not ($refused.Err -match [regex]::Escape($env:COMPUTERNAME)) -or
                -not ($refused.Err -match "ti-desktop import")) {
                throw "ÉCHEC : import non refusé pendant que la fenêtre tient la base ($($refused.Code)) : $($refused.Err)"
            }
            if ((Get-ActionCount $exe $db) -ne $actions) { throw "ÉCHEC : l'import refusé a modifié la base" }
            Write-Host "OK : import refusé pendant que la fenêtre tient la base"
        } finally {
            if (-not $window.HasExited) { Stop-Process -Id $window.Id -Force }
            $window.WaitForExit()
        }
        Invoke-Native "import après l'arrêt brutal de la fenêtre" $exe @("import", $csv, "--db", $db)
        if ((Get-ActionCount $exe $db) -ne $actions + 1) { throw "ÉCHEC : l'import après l'arrêt de la fenêtre" }
        Write-Host "OK : import après l'arrêt brutal de la fenêtre (verrou libéré par Windows)"

        # A report open in a PDF reader (shared for reading only) cannot be replaced: a clear message, the file
        # untouched, no temporary file left; once it is closed, the report is written.
        $before = (Get-FileHash $pdf).Hash
        $reader = [IO.File]::Open($pdf, [IO.FileMode]::Open, [IO.FileAccess]::Read, [IO.FileShare]::Read)
        try {
            $inUse = Invoke-Captured $exe @("report", "--db", $db, "-o", $pdf)
        } finally {
            $reader.Close()
        }
        if ($inUse.Code -ne 1 -or -not ($inUse.Err -match "lecteur PDF, Excel")) {
            throw "ÉCHEC : rapport ouvert dans un autre programme ($($inUse.Code)) : $($inUse.Err)"
        }
        if ((Get-FileHash $pdf).Hash -ne $before) { throw "ÉCHEC : le rapport ouvert a été modifié" }
        if (Get-ChildItem $work -Force -Filter ".rapport.pdf.*.tmp") { throw "ÉCHEC : fichier temporaire laissé" }
        Invoke-Native "rapport une fois le lecteur PDF fermé" $exe @("report", "--db", $db, "-o", $pdf)
        Write-Host "OK : rapport ouvert dans un lecteur PDF refusé clairement, fichier intact"

        # Paths over 260 characters, with accents and spaces: where Windows allows them (LongPathsEnabled).
        $fileSystem = Get-ItemProperty "HKLM:\SYSTEM\CurrentControlSet\Control\FileSystem" -ErrorAction SilentlyContinue
        if ($fileSystem -and $fileSystem.LongPathsEnabled -eq 1) {
            $deep = $work
            foreach ($n in 1..6) { $deep = Join-Path $deep "Données d'été n°$n — Vallée de l'Orne" }
            Invoke-Native "dossier aux chemins longs" $python @("-c", "import os, sys; os.makedirs('\\\\?\\' + sys.argv[1])", $deep)
            $deepDb = Join-Path $deep "plan d'action de la Vallée.sqlite3"
            Invoke-Native "démo (chemin de $($deepDb.Length) caractères)" $exe @("demo", "--db", $deepDb)
            Invoke-Native "sauvegarde (chemin long)" $exe @("backup", "--db", $deepDb)
            Invoke-Native "rapport (chemin long)" $exe @("report", "--db", $deepDb, "-o", (Join-Path $deep "rapport d'été.pdf"))
            Invoke-Native "export (chemin long)" $exe @("export", "--db", $deepDb, "-o", (Join-Path $deep "plan d'été.xlsx"))
            Invoke-Native "import (chemin long, verrou)" $exe @("import", (Join-Path $deep "plan d'été.xlsx"), "--db", $deepDb)
            Write-Host "OK : base, verrou, sauvegarde, rapport et export à plus de 260 caractères"
        } else {
            Write-Host "Chemins longs non activés sur cette machine (LongPathsEnabled) : test à plus de 260 caractères non fait."
        }
        Write-Host "== Test de fumée réussi"
    } finally {
        Pop-Location
        Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
    }
}

if (-not $SansInstallateur) {
    $iscc = Get-Command iscc -ErrorAction SilentlyContinue
    $isccPath = if ($iscc) { $iscc.Source } else { Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe" }
    if (Test-Path $isccPath) {
        Write-Host "== Installateur Inno Setup"
        # Windows file versions are numbers only: 0.2.0rc1 -> 0.2.0.
        $fileVersion = ([regex]::Match($version, '^\d+(\.\d+){0,3}')).Value
        Invoke-Native "Inno Setup" $isccPath @("/Q", "/DAppVersion=$version", "/DFileVersion=$fileVersion",
            "packaging\windows\ti-desktop.iss")
        Get-ChildItem "dist\installer\ti-desktop-$version-setup.exe" | ForEach-Object {
            Write-Host "Installateur : $($_.FullName) — $([math]::Round($_.Length / 1MB)) Mo"
        }
    } else {
        Write-Host "Inno Setup (iscc) introuvable : installateur non construit. https://jrsoftware.org/isdl.php"
    }
}
Write-Host "== Terminé en $([int]((Get-Date) - $started).TotalSeconds) s"
