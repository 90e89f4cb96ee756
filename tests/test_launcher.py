"""kernel/launch.sh: the kernel's JVM starts with OpenBLAS's and OpenMP's pools sized to the container's CPU
quota (cgroup v2 or v1), since those libraries size themselves from the online CPUs, which a container's quota
does not change. Fake cgroup trees stand in for a container here; the real one is read on the machine."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAUNCH = ROOT / "kernel" / "launch.sh"


def online() -> int:
    return int(subprocess.run(["nproc", "--all"], capture_output=True, text=True).stdout)


def run(tmp_path, files: dict[str, str], proc_cgroup: str, **env) -> dict[str, str]:
    for rel, text in files.items():
        p = tmp_path / "cg" / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text + "\n")
    (tmp_path / "self").write_text(proc_cgroup + "\n")
    e = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS") and k != "PARLAB_CPU_QUOTA"}
    e.update(PARLAB_CGROUP_ROOT=str(tmp_path / "cg"), PARLAB_PROC_CGROUP=str(tmp_path / "self"),
             PARLAB_LAUNCH_DRY_RUN="1", **env)
    out = subprocess.run(["/bin/sh", str(LAUNCH), "java"], env=e, capture_output=True, text=True, check=True)
    return dict(line.split("=", 1) for line in out.stdout.split())


def test_v2_quota_on_a_parent_group_sizes_the_pools(tmp_path):
    got = run(tmp_path, {"kubepods/cpu.max": "100000 100000", "kubepods/pod/cpu.max": "max 100000"},
              "0::/kubepods/pod")
    if online() <= 1:
        pytest.skip("one online CPU: a quota of 1 changes nothing")
    assert got == {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
                   "PARLAB_CPU_QUOTA": "1.00"}


def test_v1_quota_rounds_up_and_keeps_what_the_user_set(tmp_path):
    got = run(tmp_path, {"cpu,cpuacct/docker/c/cpu.cfs_quota_us": "50000",
                         "cpu,cpuacct/docker/c/cpu.cfs_period_us": "100000"},
              "4:cpu,cpuacct:/docker/c", OMP_NUM_THREADS="3")
    if online() <= 1:
        pytest.skip("one online CPU: a quota of 0.5 changes nothing")
    assert got == {"OMP_NUM_THREADS": "3", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
                   "PARLAB_CPU_QUOTA": "0.50"}


def test_no_quota_or_a_quota_of_every_cpu_changes_nothing(tmp_path):
    assert run(tmp_path, {"cpu.max": "max 100000"}, "0::/") == {}
    assert run(tmp_path, {"cpu.max": f"{online() * 100000} 100000"}, "0::/") == {}
    assert run(tmp_path, {"cpu/cpu.cfs_quota_us": "-1", "cpu/cpu.cfs_period_us": "100000"}, "1:cpu:/") == {}


def test_no_cgroups_at_all_changes_nothing(tmp_path):
    e = dict(os.environ, PARLAB_CGROUP_ROOT=str(tmp_path / "none"), PARLAB_PROC_CGROUP=str(tmp_path / "none"),
             PARLAB_LAUNCH_DRY_RUN="1")
    out = subprocess.run(["/bin/sh", str(LAUNCH), "java"], env=e, capture_output=True, text=True, check=True)
    assert "PARLAB_CPU_QUOTA" not in out.stdout


def test_it_execs_the_command_with_its_arguments(tmp_path):
    out = subprocess.run(["/bin/sh", str(LAUNCH), "printf", "%s|", "a b", "c"], capture_output=True, text=True,
                         check=True)
    assert out.stdout == "a b|c|"


def test_the_launcher_passes_shellcheck():
    shellcheck = shutil.which("shellcheck")
    if shellcheck is None:
        pytest.skip("shellcheck is not installed (scripts/test-tools.sh installs it with apt-get when root)")
    r = subprocess.run([shellcheck, "--shell=sh", str(LAUNCH)], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
