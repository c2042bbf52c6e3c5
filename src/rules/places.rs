//! Account-level location inference: many pinned points close together reveal a place the
//! person keeps returning to — usually home or work — even when no single post says so.

use std::collections::HashMap;

const METRES_PER_DEGREE: f64 = 111_320.0;

/// The densest spot among `points` (lat, lon): how many points lie within `radius_m` of it, its
/// centre, and which points they are.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub lat: f64,
    pub lon: f64,
    pub members: Vec<usize>,
}

/// Distance in metres on a local flat approximation (exact enough below a few kilometres).
pub fn distance_m(a: (f64, f64), b: (f64, f64)) -> f64 {
    let mean_lat = ((a.0 + b.0) / 2.0).to_radians();
    let dy = (a.0 - b.0) * METRES_PER_DEGREE;
    let dx = (a.1 - b.1) * METRES_PER_DEGREE * mean_lat.cos();
    (dx * dx + dy * dy).sqrt()
}

/// Points are bucketed in a grid of `radius_m` cells; each occupied cell's mean is a candidate
/// centre and counts the points within the radius in its 3×3 neighbourhood. Linear in the
/// number of points but for sorting each cell's own (n log n), so a heavy user's thousands of
/// geotags cost little.
pub fn densest_place(points: &[(f64, f64)], radius_m: f64) -> Option<Place> {
    if points.is_empty() || radius_m <= 0.0 {
        return None;
    }
    let cell_deg = radius_m / METRES_PER_DEGREE;
    let key = |(lat, lon): (f64, f64)| {
        let lon_scale = lat.to_radians().cos().max(0.01);
        (
            (lat / cell_deg).floor() as i64,
            (lon * lon_scale / cell_deg).floor() as i64,
        )
    };
    let mut cells: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (index, &p) in points.iter().enumerate() {
        cells.entry(key(p)).or_default().push(index);
    }
    // Sorted so that ties resolve the same way on every run.
    let mut keys: Vec<&(i64, i64)> = cells.keys().collect();
    keys.sort();
    let mut best: Option<Place> = None;
    for &(row, col) in keys {
        let own = &cells[&(row, col)];
        // Summed in the points' own order, not the order they were read in: a reader that
        // hands items over in another order gives the same centre to the last digit.
        let mut own_points: Vec<(f64, f64)> = own.iter().map(|&i| points[i]).collect();
        own_points.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let n = own_points.len() as f64;
        let centre = (
            own_points.iter().map(|p| p.0).sum::<f64>() / n,
            own_points.iter().map(|p| p.1).sum::<f64>() / n,
        );
        let mut members: Vec<usize> = Vec::new();
        for dr in -1..=1 {
            for dc in -1..=1 {
                if let Some(indices) = cells.get(&(row + dr, col + dc)) {
                    members.extend(
                        indices
                            .iter()
                            .copied()
                            .filter(|&i| distance_m(points[i], centre) <= radius_m),
                    );
                }
            }
        }
        members.sort_unstable();
        if best
            .as_ref()
            .is_none_or(|b| members.len() > b.members.len())
        {
            best = Some(Place {
                lat: centre.0,
                lon: centre.1,
                members,
            });
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_is_close_to_the_real_one() {
        // 0.001° of latitude is about 111 m.
        let d = distance_m((-6.2, 106.8), (-6.201, 106.8));
        assert!((d - 111.3).abs() < 1.0, "{d}");
    }

    #[test]
    fn the_densest_cluster_wins_and_far_points_stay_out() {
        let mut points = vec![
            (-6.2000, 106.8000),
            (-6.2003, 106.8002),
            (-6.1998, 106.7999),
            (-6.2001, 106.8004),
        ];
        points.extend([(-6.9, 107.6), (-6.91, 107.61), (-7.25, 112.75)]);
        let place = densest_place(&points, 200.0).unwrap();
        assert_eq!(place.members, vec![0, 1, 2, 3]);
        assert!(distance_m((place.lat, place.lon), (-6.2, 106.8)) < 50.0);
    }

    #[test]
    fn the_centre_is_the_same_whatever_order_the_points_come_in() {
        // Values in one grid cell whose sum in floating point depends on the order of adding.
        let points = vec![
            (-6.200_499_585_272_719, 106.800_499_288_062_23),
            (-6.200_503_805_478_582, 106.800_502_835_175_15),
            (-6.200_505_751_005_16, 106.800_508_131_253_54),
            (-6.200_490_737_666_903, 106.800_504_578_620_92),
            (-6.200_501_325_322_624, 106.800_500_230_026_84),
        ];
        let forward = densest_place(&points, 200.0).unwrap();
        let mut reversed = points.clone();
        reversed.reverse();
        let backward = densest_place(&reversed, 200.0).unwrap();
        assert_eq!(
            (forward.lat.to_bits(), forward.lon.to_bits()),
            (backward.lat.to_bits(), backward.lon.to_bits())
        );
    }

    #[test]
    fn points_spread_over_a_city_make_no_large_cluster() {
        let points: Vec<(f64, f64)> = (0..20)
            .map(|i| (-6.2 + f64::from(i) * 0.01, 106.8))
            .collect();
        assert_eq!(densest_place(&points, 200.0).unwrap().members.len(), 1);
        assert!(densest_place(&[], 200.0).is_none());
    }
}
