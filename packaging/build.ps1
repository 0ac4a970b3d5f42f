<#
.SYNOPSIS
    Construit TI Desktop pour Windows : paquet PyInstaller (dist\ti-desktop\), test de fumée, puis
    l'installateur Inno Setup (dist\installer\ti-desktop-<version>-setup.exe) si iscc est disponible.

.DESCRIPTION
    Same steps as packaging/build.sh: a build venv, the application with its "packaging" extra, PyInstaller on
    packaging\ti-desktop.spec, the bundle size, a smoke test of the bundle (--version, demo, report, export,
    window offscreen), then `iscc /DAppVersion=<version> packaging\windows\ti-desktop.iss` when Inno Setup 6 is on
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
