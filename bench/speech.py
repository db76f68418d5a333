"""Speech benchmark: a 600-word Vietnamese bulletin through the pipeline against the floor.

The floor is the same espeak-ng command and the same ffmpeg filter chain + MP3 encode run
directly. Each side is timed best of 3. Each pipeline run happens in a fresh child process that
reports its own wall time around make_bulletin_audio (normalize, synthesize, mix, master,
verify) and its peak RSS, Python and tool children (espeak-ng, ffmpeg) separately; they run one
after the other, so their sum bounds the true peak. Last line:
ratio=<pipeline/floor> rtf=<work seconds per audio second> peak_mb=<peak RSS MB>
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TITLE = "Thông báo của Ủy ban nhân dân xã Vũ Dương về các công việc trong tuần"
BODY_WRAPPED = """
Kính thưa toàn thể nhân dân trong xã! Thực hiện Kế hoạch số 72/KH-UBND ngày 17/9/2026 của Ủy
ban nhân dân tỉnh Ninh Bình, UBND xã Vũ Dương thông báo tới bà con một số nội dung quan
trọng trong tuần.

Thứ nhất, về công tác tiêm chủng mở rộng. Vào lúc 7h30 sáng thứ Hai ngày 21/9/2026, Trạm y
tế xã tổ chức tiêm vắc xin phòng bệnh sởi, rubella và bạch hầu cho trẻ em từ 9 tháng đến 5
tuổi. Đề nghị các gia đình có con em trong độ tuổi đưa trẻ đến trạm y tế đúng giờ, mang theo
sổ tiêm chủng và thẻ BHYT của trẻ. Trẻ đang sốt hoặc mắc bệnh cấp tính cần báo cho cán bộ y
tế để được khám sàng lọc và hẹn lịch tiêm bù.

Thứ hai, về sản xuất vụ mùa. Hiện nay lúa mùa đang ở giai đoạn trổ bông, thời tiết nắng nóng
xen kẽ mưa rào tạo điều kiện cho rầy nâu và bệnh khô vằn phát sinh. Ban chỉ đạo sản xuất
nông nghiệp của xã đề nghị bà con thường xuyên thăm đồng, phát hiện sớm và phun thuốc phòng
trừ theo đúng hướng dẫn của cán bộ khuyến nông. Không tự ý phun thuốc khi chưa có khuyến
cáo, không vứt vỏ bao bì thuốc bảo vệ thực vật xuống kênh mương, mà thu gom về đúng nơi quy
định tại đầu các cánh đồng.

Thứ ba, về công tác phòng chống thiên tai. Theo dự báo của Trung tâm khí tượng thủy văn,
trong những ngày tới khu vực tỉnh ta có khả năng chịu ảnh hưởng của áp thấp nhiệt đới, gây
mưa to đến rất to. Các thôn, xóm cần kiểm tra lại hệ thống cống, rãnh thoát nước, chằng
chống nhà cửa, cắt tỉa cây xanh có nguy cơ gãy đổ. Các hộ gia đình nuôi trồng thủy sản cần
gia cố bờ ao, chuẩn bị lưới chắn để tránh thiệt hại khi nước dâng. Lực lượng dân quân tự vệ
của xã sẵn sàng ứng trực hai mươi bốn giờ trên hai mươi bốn giờ để hỗ trợ nhân dân khi có
tình huống xảy ra.

Thứ tư, về việc cấp điện. Điện lực huyện thông báo tạm ngừng cung cấp điện để bảo dưỡng
đường dây từ 8h00 đến 16h30 ngày thứ Tư, khu vực các thôn Đông, thôn Đoài và xóm Chợ. Đề
nghị bà con chủ động sắp xếp công việc, sinh hoạt, bảo quản thực phẩm và không tự ý leo trèo
cột điện trong thời gian sửa chữa.

Thứ năm, về xây dựng nông thôn mới kiểu mẫu. Ủy ban nhân dân xã phát động phong trào mỗi gia
đình trồng thêm một cây xanh, giữ gìn đường làng ngõ xóm sạch đẹp, phân loại rác thải tại
nguồn. Rác hữu cơ dùng để ủ phân bón cho cây trồng, rác tái chế được thu gom bán lấy tiền
góp vào quỹ khuyến học của thôn. Xe thu gom rác sẽ đi qua các tuyến đường chính vào chiều
thứ Ba và thứ Sáu hằng tuần.

Cuối cùng, Ủy ban nhân dân xã đề nghị trưởng các thôn, xóm thông báo rộng rãi nội dung trên
tới từng hộ gia đình. Mọi ý kiến phản ánh xin gửi về bộ phận một cửa của xã hoặc gọi số điện
thoại đường dây nóng của xã. Xin trân trọng cảm ơn bà con đã lắng nghe!
"""
BODY = "\n".join(" ".join(p.split()) for p in BODY_WRAPPED.strip().split("\n\n"))
TAGS = {"title": TITLE, "artist": "Ủy ban nhân dân xã Vũ Dương", "date": "2026-09-18",
        "comment": "content_hash=bench"}
RUNS = 3


def normalizer() -> tuple[Callable[[str], str], str]:
    """The project's Vietnamese normalizer when present, else the identity."""
    try:
        from audio.normalize import normalize_vi
    except ImportError:
        return (lambda text: text), "identity (audio.normalize not available yet)"
    return normalize_vi, "audio.normalize.normalize_vi"


def cpu_seconds(who: int) -> float:
    """User plus system CPU seconds of this process or of its waited-for children."""
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def child(out_dir: str) -> None:
    """One pipeline run; prints its figures as JSON."""
    from audio.engines import EspeakEngine
    from audio.pipeline import make_bulletin_audio

    normalize, _ = normalizer()
    engine = EspeakEngine()
    cpu0 = cpu_seconds(resource.RUSAGE_SELF) + cpu_seconds(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = make_bulletin_audio(TITLE, BODY, language="vi", engine=engine,
                                 out_mp3=Path(out_dir) / "pipeline.mp3", tags=TAGS,
                                 normalize=normalize)
    elapsed = time.perf_counter() - started
    cpu = cpu_seconds(resource.RUSAGE_SELF) + cpu_seconds(resource.RUSAGE_CHILDREN) - cpu0
    print(json.dumps({
        "seconds": elapsed, "cpu": cpu, "duration": result.duration_s, "lufs": result.lufs,
        "true_peak": result.true_peak, "size": result.size_bytes,
        "self_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "tools_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    }))


def floor_once(text: str, work: Path) -> float:
    """espeak-ng and one ffmpeg chain + encode, run directly; wall seconds."""
    from audio.engines import EspeakEngine
    from audio.mix import loudness_chain

    wav, mp3 = work / "floor.wav", work / "floor.mp3"
    started = time.perf_counter()
    subprocess.run(EspeakEngine().command("vi", wav), input=text.encode(), check=True,
                   capture_output=True)
    subprocess.run(["ffmpeg", "-hide_banner", "-nostdin", "-y", "-i", str(wav),
                    "-af", loudness_chain(-16.0), "-ar", "22050", "-ac", "1",
                    "-c:a", "libmp3lame", "-b:a", "64k", "-f", "mp3", str(mp3)],
                   check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    """Run both sides and print the figures."""
    from audio.measure import loudness

    normalize, how = normalizer()
    words = len(f"{TITLE} {BODY}".split())
    print(f"bulletin: {words} words; normalizer: {how}")
    with tempfile.TemporaryDirectory(prefix="loa-bench-") as tmp:
        work = Path(tmp)
        spoken = f"{normalize(TITLE)}.\n{normalize(BODY)}"
        floors, floor_cpu, runs = [], [], []
        for _ in range(RUNS):  # alternate, so load from other work on the machine hits both
            cpu0 = cpu_seconds(resource.RUSAGE_CHILDREN)
            floors.append(floor_once(spoken, work))
            floor_cpu.append(cpu_seconds(resource.RUSAGE_CHILDREN) - cpu0)
            if not runs:  # before any pipeline child counts in RUSAGE_CHILDREN
                floor_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            out = subprocess.run([sys.executable, __file__, "--child", tmp], check=True,
                                 capture_output=True, text=True, cwd=ROOT)
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
        floor_lufs, floor_peak = loudness(work / "floor.mp3")
    best = min(runs, key=lambda r: r["seconds"])
    floor = min(floors)
    peak_mb = max(r["self_kb"] + r["tools_kb"] for r in runs) / 1024
    print(f"floor    : {', '.join(f'{s:.2f}' for s in floors)} s (best {floor:.2f}); "
          f"peak {floor_kb / 1024:.0f} MB; {floor_lufs} LUFS, {floor_peak} dBTP (unverified)")
    times = ", ".join(f"{r['seconds']:.2f}" for r in runs)
    print(f"pipeline : {times} s "
          f"(best {best['seconds']:.2f}); audio {best['duration']:.1f} s, "
          f"{best['size'] / 1e6:.2f} MB; {best['lufs']} LUFS, {best['true_peak']} dBTP")
    print(f"cpu      : floor {min(floor_cpu):.2f} s, pipeline {min(r['cpu'] for r in runs):.2f} s"
          f" (best of {RUNS}; ratio {min(r['cpu'] for r in runs) / min(floor_cpu):.2f})")
    print(f"peak RSS : python {max(r['self_kb'] for r in runs) / 1024:.0f} MB, "
          f"espeak-ng/ffmpeg {max(r['tools_kb'] for r in runs) / 1024:.0f} MB")
    print(f"ratio={best['seconds'] / floor:.2f} rtf={best['seconds'] / best['duration']:.4f} "
          f"peak_mb={peak_mb:.0f}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(sys.argv[2])
    else:
        main()
