// kith review drawn for the terminal: bar charts of the weeks in block characters (or plain
// ASCII), then the figures as quiet aligned sections. Everything returns strings.
#pragma once

#include <cstdint>
#include <string>

#include "cli/render.hpp"
#include "kith/date.hpp"
#include "kith/review.hpp"

namespace kith::cli {

// How bars are drawn: block characters with eighths (█ and ▏▎▍▌▋▊▉), or whole ASCII cells.
enum class Glyphs { unicode, ascii };

// The steps one cell holds: 8 eighths, or 1 for ASCII.
int bar_steps(Glyphs glyphs);

// The length of the bar of `value` on a scale where `max` fills `width` cells, in steps: 0 for
// nothing, at least one step for anything, `width` cells for `max`, rounded to the nearest step
// in between. Never shorter for a larger value. REQUIRES: 0 <= value <= max, width >= 1.
int bar_length(std::int64_t value, std::int64_t max, int width, Glyphs glyphs);

// A bar of `steps` steps: full blocks and a partial one, or `fill` repeated; padded with
// spaces to `width` cells when `pad`.
std::string bar(int steps, int width, Glyphs glyphs, char fill, bool pad);

// "Nov 02": a week's label.
std::string month_day(Date day);

// The whole review as text, ending with a newline.
std::string render_review(const Review& review, const Painter& paint, Glyphs glyphs);

}  // namespace kith::cli
