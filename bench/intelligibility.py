"""How well a listener understands each speech engine: the recognizer's word error rate.

Each of 24 bulletin sentences (with digits, times, dates and abbreviations, as editors write
them) goes through the project's normalizer (`normalize_vi`) and each available engine into a
WAV; the offline recognizer (audio/recognize.py, viet-asr) hears it and audio/alignment.py
counts the word errors against the spoken text. An engine that cannot run here is reported
`n/a` with the reason: gTTS needs Google (offline here), Piper needs a Vietnamese voice
(`--piper-voice FILE.onnx`, else the voice chosen for Vietnamese under `--data-dir`); the
English voice the tests use cannot read Vietnamese, so it is not measured. `--natural DIR`
adds a control: WAV files of people speaking with their transcripts in .txt beside them.

Figures: corpus WER (all edits / all expected words) per engine, mean per-sentence WER in
the detail lines, and the recognizer's cost (CPU seconds per second of audio, load time,
peak RSS). Last line: `wer_espeak=… wer_piper=… wer_gtts=… cpu_s_per_audio_s=…` (key=value).

    .venv/bin/python bench/intelligibility.py [--piper-voice FILE.onnx] [--data-dir DIR]
                                              [--natural DIR] [--no-gtts]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from audio.alignment import compare  # noqa: E402
from audio.normalize import normalize_vi  # noqa: E402
from audio.recognize import recognizer  # noqa: E402

SENTENCES = [
    "Trạm Y tế xã thông báo lịch tiêm vắc xin sởi cho trẻ em vào 7h30 sáng thứ Bảy tại nhà "
    "văn hóa thôn Đông.",
    "UBND xã đề nghị các hộ gia đình chủ động phòng chống lụt bão, gia cố nhà cửa và dự trữ "
    "lương thực.",
    "Ban chỉ huy quân sự xã thông báo lịch khám sức khỏe nghĩa vụ quân sự năm 2027.",
    "Xã sẽ cắt điện từ 7h00 đến 11h00 ngày 21/9 để sửa chữa đường dây.",
    "Đề nghị bà con không thả trâu bò ra đường liên thôn.",
    "Hội Nông dân xã mở lớp tập huấn kỹ thuật trồng lúa vào chiều thứ Năm.",
    "Các hộ gia đình nộp tiền thu gom rác tại nhà văn hóa thôn trước ngày 15.",
    "Trường mầm non xã thông báo tuyển sinh năm học 2026 - 2027.",
    "Bà con lưu ý giữ gìn vệ sinh chung và không đổ rác xuống kênh mương.",
    "UBND xã tổ chức tiếp công dân vào sáng thứ Hai hằng tuần.",
    "Đoàn thanh niên xã phát động phong trào trồng 500 cây xanh dọc tuyến đường chính.",
    "Trạm Y tế xã khám bệnh miễn phí cho người cao tuổi vào ngày 20 tháng này.",
    "Đề nghị các hộ chăn nuôi tiêm phòng dịch tả lợn châu Phi cho đàn lợn.",
    "Hội Phụ nữ xã tổ chức họp mặt chị em vào tối thứ Sáu tại hội trường xã.",
    "Xã khuyến cáo người dân không đốt rơm rạ trên đồng ruộng.",
    "Mời bà con đến nhà văn hóa thôn Bắc để nghe phổ biến pháp luật.",
    "Công an xã đề nghị người dân khóa cửa cẩn thận và cảnh giác với kẻ gian.",
    "Nước sinh hoạt sẽ tạm ngừng cung cấp trong ngày Chủ nhật 22/11.",
    "Xã thông báo lịch phát gạo hỗ trợ cho 35 hộ nghèo vào sáng mai.",
    "Các cháu học sinh cần đội mũ bảo hiểm khi đi xe đạp điện.",
    "Thôn Nam tổ chức tổng vệ sinh đường làng vào sáng Chủ nhật này.",
    "Đề nghị bà con đăng ký tham gia BHYT trước ngày 30/11/2026.",
    "Trời rét đậm, nhiệt độ dưới 10 độ C, bà con cần che chắn chuồng trại cho gia súc.",
    "Mọi ý kiến xin gọi đường dây nóng của xã, số 0229 3861 234.",
]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(name: str, engine, hear, work: Path) -> dict:
    """Speak every sentence with the engine, hear it, count the errors."""
    edits = words = 0
    per_sentence = []
    for number, sentence in enumerate(SENTENCES):
        spoken = normalize_vi(sentence)
        wav = work / f"{name}-{number}.wav"
        engine.synthesize(spoken, "vi", wav)
        heard = hear.transcribe(wav) or ""
        found = compare(spoken, heard)
        edits, words = edits + found.errors, words + found.expected_words
        per_sentence.append(found.wer)
        print(f"  {name} {number:2d} wer={found.wer:.2f} heard={heard!r}", file=sys.stderr)
    return {"wer": edits / max(words, 1), "mean": sum(per_sentence) / len(per_sentence),
            "best": min(per_sentence), "worst": max(per_sentence)}


def natural(folder: Path, hear) -> dict:
    """The recognizer on people's speech: the control."""
    edits = words = 0
    for wav in sorted(folder.glob("*.wav")):
        found = compare(normalize_vi(wav.with_suffix(".txt").read_text("utf-8")),
                        hear.transcribe(wav) or "")
        edits, words = edits + found.errors, words + found.expected_words
    return {"wer": edits / max(words, 1), "clips": len(list(folder.glob("*.wav")))}


def vietnamese_piper(args) -> tuple[Path | None, str]:
    """The Piper voice to measure, or None and why not."""
    voice = Path(args.piper_voice) if args.piper_voice else None
    if voice is None and args.data_dir:
        from audio.voices import chosen_paths

        voice = dict(chosen_paths(Path(args.data_dir))).get("vi")
        voice = Path(voice) if voice else None
    if voice is None:
        return None, "no Vietnamese Piper voice installed (see README: install-voice)"
    config = json.loads(Path(f"{voice}.json").read_text("utf-8"))
    language = (config.get("language") or {}).get("family") or (
        config.get("language") or {}).get("code", "")
    if not str(language).lower().startswith("vi"):
        return None, f"{voice.name} speaks {language!r}, not Vietnamese"
    return voice, ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--piper-voice")
    parser.add_argument("--data-dir")
    parser.add_argument("--natural")
    parser.add_argument("--no-gtts", action="store_true")
    args = parser.parse_args()
    from audio.engines import EspeakEngine, GttsEngine, PiperEngine

    hear = recognizer("vietasr")
    started = time.monotonic()
    if not hear.load():
        sys.exit("the recognizer (viet-asr) cannot load: nothing to measure")
    load_s = time.monotonic() - started
    results: dict[str, dict | str] = {}
    with tempfile.TemporaryDirectory(prefix="loa-intelligibility-") as tmp:
        work = Path(tmp)
        results["espeak"] = measure("espeak", EspeakEngine(), hear, work)
        voice, why = vietnamese_piper(args)
        results["piper"] = measure("piper", PiperEngine(voice, language="vi"), hear, work) \
            if voice else why
        if args.no_gtts:
            results["gtts"] = "not asked (--no-gtts)"
        else:
            try:
                results["gtts"] = measure("gtts", GttsEngine(deadline=20), hear, work)
            except Exception as error:  # offline: Google unreachable
                results["gtts"] = f"Google unreachable ({type(error).__name__})"
        if args.natural:
            results["natural"] = natural(Path(args.natural), hear)
    cost = hear.cpu_s / max(hear.audio_s, 1e-9)
    print(f"{len(SENTENCES)} sentences, recognizer loaded in {load_s:.2f} s, "
          f"{hear.audio_s:.0f} s of audio heard in {hear.cpu_s:.1f} CPU-s, "
          f"peak RSS {peak_mb():.0f} MB")
    for name, found in results.items():
        if isinstance(found, dict):
            print(f"{name}: " + " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                                         for k, v in found.items()))
        else:
            print(f"{name}: n/a — {found}")
    figures = " ".join(
        f"wer_{name}={found['wer']:.3f}" if isinstance(found, dict) else f"wer_{name}=n/a"
        for name, found in results.items())
    print(f"{figures} cpu_s_per_audio_s={cost:.3f} load_s={load_s:.2f} "
          f"peak_mb={peak_mb():.0f} sentences={len(SENTENCES)}")


if __name__ == "__main__":
    main()
